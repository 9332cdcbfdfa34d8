/**
 * Renders a small element tree as JSX or as React.createElement calls, so one description of a
 * generated component yields the `jsx`/`tsx` and the `js` flavours Amplify Studio emits.
 */

/** A prop: a string literal, a JavaScript expression, or a spread. */
export type Prop = { name: string; text: string } | { name: string; expr: string } | { spread: string }

export interface Element {
  tag: string
  props: Prop[]
  children?: Element[]
}

export const text = (name: string, value: string): Prop => ({ name, text: value })
export const expr = (name: string, value: string): Prop => ({ name, expr: value })
export const spread = (value: string): Prop => ({ spread: value })

function indentLines(source: string, pad: string): string {
  return source
    .split('\n')
    .map(line => (line === '' ? line : pad + line))
    .join('\n')
}

function jsxProp(prop: Prop): string {
  if ('spread' in prop) return `{...${prop.spread}}`
  if ('text' in prop) return `${prop.name}=${JSON.stringify(prop.text)}`
  return `${prop.name}={${prop.expr}}`
}

export function toJsx(element: Element): string {
  const props = element.props.map(prop => indentLines(jsxProp(prop), '  ')).join('\n')
  const children = (element.children ?? []).map(child => indentLines(toJsx(child), '  ')).join('\n')
  return `<${element.tag}\n${props}\n>${children ? `\n${children}\n` : ''}</${element.tag}>`
}

function objectProp(prop: Prop): string {
  if ('spread' in prop) return `...${prop.spread},`
  if ('text' in prop) return `${prop.name}: ${JSON.stringify(prop.text)},`
  return `${prop.name}: ${prop.expr},`
}

export function toCreateElement(element: Element): string {
  const props = element.props.map(prop => indentLines(objectProp(prop), '    ')).join('\n')
  const children = (element.children ?? []).map(child => indentLines(toCreateElement(child), '  ')).join(',\n')
  return `/*#__PURE__*/ React.createElement(\n  ${element.tag},\n  {\n${props}\n  }${children ? `,\n${children}` : ''}\n)`
}
