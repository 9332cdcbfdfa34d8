/**
 * Plausible Amplify Studio output: the files a codegen job produces for its components, forms and
 * theme. Deterministic for the same inputs (an identical re-run yields identical bytes);
 * `contentVersion` changes the components' styling to simulate output regenerated after a design
 * change. The shapes follow Studio's real output closely enough for a reviewer to recognise them
 * (banner, imports from @aws-amplify/ui-react, getOverrideProps), not byte for byte.
 */
import { createHash } from 'node:crypto'
import { type Element, expr, spread, text, toCreateElement, toJsx } from './react-source.js'

export const STUDIO_BANNER = `/***************************************************************************
 * The contents of this file were generated with Amplify Studio.           *
 * Please refrain from making any modifications to this file.              *
 * Any changes to this file will be overwritten when running amplify pull. *
 **************************************************************************/

/* eslint-disable */
`

export const DEFAULT_COMPONENTS = ['Button', 'Card', 'NavBar', 'HeroLayout']
export const DEFAULT_FORMS = ['ContactForm']
export const DEFAULT_THEME_NAME = 'studioTheme'
/** Names used by `componentCount`; beyond the list, numbered names. */
const COMPONENT_NAME_POOL = [
  'Button',
  'Card',
  'NavBar',
  'HeroLayout',
  'ProductCard',
  'Footer',
  'SideBar',
  'UserProfile',
  'FeatureCard',
  'PricingTable',
  'Testimonial',
  'MarketingFooter',
  'ItemCard',
  'ActionCard',
  'StandardCard'
]
const DEFAULT_FORM_FIELDS = ['name', 'email', 'message']
/** Fields Studio never puts into a generated form. */
const HIDDEN_MODEL_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'owner', '_version', '_deleted', '_lastChangedAt'])

export type Script = 'js' | 'jsx' | 'tsx'
export type ApiKind = 'dataStore' | 'graphQL' | 'noApi'

export interface GenerationOptions {
  components: readonly string[]
  forms: readonly string[]
  script: Script
  renderTypeDeclarations: boolean
  /** Major version of aws-amplify the app uses (5 or 6): the code differs. */
  amplifyMajor: number
  api: ApiKind
  contentVersion: string | number
  /** Field names of each form (default name/email/message). */
  formFields?: Readonly<Record<string, readonly string[]>>
  themeName?: string
}

export interface GeneratedFile {
  fileName: string
  schemaName: string
  content: string
}

export function componentNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => COMPONENT_NAME_POOL[i] ?? `Component${i + 1}`)
}

/** Model forms are named `<Model>CreateForm` / `<Model>UpdateForm`. */
export function modelOfForm(form: string): { model: string; kind: 'create' | 'update' } | undefined {
  const match = /^(.+)(Create|Update)Form$/.exec(form)
  if (!match) return undefined
  return { model: match[1] as string, kind: match[2] === 'Create' ? 'create' : 'update' }
}

export function visibleModelFields(fields: readonly string[]): string[] {
  return fields.filter(field => !HIDDEN_MODEL_FIELDS.has(field))
}

/** Styling picked from a hash of the name and the content version: stable, but changes with it. */
function styleOf(name: string, contentVersion: string | number): { gap: string; padding: string; color: string } {
  const digest = createHash('sha256')
    .update(`${name}\u0000${String(contentVersion)}`)
    .digest()
  const byte = (i: number): number => digest[i] as number
  return {
    gap: `${8 + (byte(0) % 5) * 4}px`,
    padding: `${(byte(1) % 4) * 8}px ${(byte(2) % 4) * 8}px ${(byte(1) % 4) * 8}px ${(byte(2) % 4) * 8}px`,
    color: `rgba(${byte(3)},${byte(4)},${byte(5)},1)`
  }
}

function humanize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase())
}

function identifier(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, '')
  return /^[A-Za-z_$]/.test(cleaned) ? cleaned : `Component${cleaned}`
}

function render(element: Element, script: Script): string {
  return script === 'js' ? toCreateElement(element) : toJsx(element)
}

function indent(source: string, pad: string): string {
  return source
    .split('\n')
    .map(line => (line === '' ? line : pad + line))
    .join('\n')
}

function overridesImport(options: GenerationOptions): string {
  // amplify-js v5 era output took the helpers from the UI library; v6 output ships its own utils.
  return options.amplifyMajor >= 6 ? 'import { getOverrideProps } from "./utils";' : 'import { getOverrideProps } from "@aws-amplify/ui-react/internal";'
}

// ---------------------------------------------------------------- components

function componentTree(name: string, options: GenerationOptions): Element {
  const style = styleOf(name, options.contentVersion)
  return {
    tag: 'Flex',
    props: [
      text('gap', style.gap),
      text('direction', 'column'),
      text('width', 'unset'),
      text('height', 'unset'),
      text('justifyContent', 'flex-start'),
      text('alignItems', 'flex-start'),
      text('position', 'relative'),
      text('padding', style.padding),
      text('backgroundColor', style.color),
      spread(`getOverrideProps(overrides, ${JSON.stringify(name)})`),
      spread('rest')
    ],
    children: [
      {
        tag: 'Text',
        props: [
          text('fontFamily', 'Inter'),
          text('fontSize', '16px'),
          text('fontWeight', '400'),
          text('color', 'rgba(13,26,38,1)'),
          text('lineHeight', '24px'),
          text('textAlign', 'left'),
          text('display', 'block'),
          text('shrink', '0'),
          text('position', 'relative'),
          text('whiteSpace', 'pre-wrap'),
          text('children', humanize(name)),
          spread('getOverrideProps(overrides, "label")')
        ]
      }
    ]
  }
}

function componentTypes(name: string): string {
  const id = identifier(name)
  return `export declare type PrimitiveOverrideProps<T> = Partial<T> & React.DOMAttributes<HTMLDivElement>;
export declare type ${id}OverridesProps = {
    ${JSON.stringify(name)}?: PrimitiveOverrideProps<FlexProps>;
    label?: PrimitiveOverrideProps<TextProps>;
} & EscapeHatchProps;
export declare type ${id}Props = React.PropsWithChildren<Partial<FlexProps> & {
    overrides?: ${id}OverridesProps | undefined | null;
}>;`
}

function componentSource(name: string, options: GenerationOptions): string {
  const id = identifier(name)
  const body = indent(render(componentTree(name, options), options.script), '    ')
  if (options.script === 'tsx') {
    return `${STUDIO_BANNER}import * as React from "react";
${overridesImport(options)}
import { Flex, FlexProps, Text, TextProps } from "@aws-amplify/ui-react";
import { EscapeHatchProps } from "@aws-amplify/ui-react/internal";
${componentTypes(name)}
export default function ${id}(props: ${id}Props): React.ReactElement {
  const { overrides, ...rest } = props;
  return (
${body}
  );
}
`
  }
  return `${STUDIO_BANNER}import * as React from "react";
${overridesImport(options)}
import { Flex, Text } from "@aws-amplify/ui-react";
export default function ${id}(props) {
  const { overrides, ...rest } = props;
  return (
${body}
  );
}
`
}

function componentDeclaration(name: string): string {
  const id = identifier(name)
  return `${STUDIO_BANNER}import * as React from "react";
import { FlexProps, TextProps } from "@aws-amplify/ui-react";
import { EscapeHatchProps } from "@aws-amplify/ui-react/internal";
${componentTypes(name)}
export default function ${id}(props: ${id}Props): React.ReactElement;
`
}

// ---------------------------------------------------------------- forms

function setterOf(field: string): string {
  return `set${field.charAt(0).toUpperCase()}${field.slice(1)}`
}

function fieldIdentifier(field: string): string {
  const cleaned = field.replace(/[^A-Za-z0-9_$]/g, '')
  return /^[A-Za-z_$]/.test(cleaned) ? cleaned : `field${cleaned}`
}

function formFieldsOf(form: string, options: GenerationOptions): string[] {
  return (options.formFields?.[form] ?? DEFAULT_FORM_FIELDS).map(fieldIdentifier)
}

function textField(field: string, fields: readonly string[]): Element {
  const others = fields.map(f => (f === field ? `${f}: value` : f)).join(', ')
  return {
    tag: 'TextField',
    props: [
      text('label', humanize(field)),
      expr('isRequired', 'false'),
      expr('isReadOnly', 'false'),
      expr('value', field),
      expr(
        'onChange',
        `(e) => {
  let { value } = e.target;
  if (onChange) {
    const modelFields = { ${others} };
    const result = onChange(modelFields);
    value = result?.${field} ?? value;
  }
  if (errors.${field}?.hasError) {
    runValidationTasks(${JSON.stringify(field)}, value);
  }
  ${setterOf(field)}(value);
}`
      ),
      expr('onBlur', `() => runValidationTasks(${JSON.stringify(field)}, ${field})`),
      expr('errorMessage', `errors.${field}?.errorMessage`),
      expr('hasError', `errors.${field}?.hasError`),
      spread(`getOverrideProps(overrides, ${JSON.stringify(field)})`)
    ]
  }
}

function saveStatement(form: string, options: GenerationOptions): { imports: string[]; setup: string; save: string } {
  const model = modelOfForm(form)
  if (!model || options.api === 'noApi') {
    return { imports: [], setup: '', save: 'await onSubmit(modelFields);' }
  }
  const modelId = identifier(model.model)
  if (options.api === 'dataStore') {
    const importLine = options.amplifyMajor >= 6 ? 'import { DataStore } from "aws-amplify/datastore";' : 'import { DataStore } from "aws-amplify";'
    return {
      imports: [importLine, `import { ${modelId} } from "../models";`],
      setup: '',
      save: `await DataStore.save(new ${modelId}(modelFields));`
    }
  }
  const mutation = `${model.kind}${modelId}`
  if (options.amplifyMajor >= 6) {
    return {
      imports: ['import { generateClient } from "aws-amplify/api";', `import { ${mutation} } from "../graphql/mutations";`],
      setup: 'const client = generateClient();\n',
      save: `await client.graphql({\n  query: ${mutation}.replaceAll("__typename", ""),\n  variables: { input: { ...modelFields } },\n});`
    }
  }
  return {
    imports: ['import { API } from "aws-amplify";', `import { ${mutation} } from "../graphql/mutations";`],
    setup: '',
    save: `await API.graphql({\n  query: ${mutation},\n  variables: { input: { ...modelFields } },\n});`
  }
}

function formTree(form: string, fields: readonly string[], save: string): Element {
  const submit = `async (event) => {
  event.preventDefault();
  const modelFields = { ${fields.join(', ')} };
  const validationResponses = await Promise.all(
    Object.keys(validations).reduce((promises, fieldName) => {
      promises.push(runValidationTasks(fieldName, modelFields[fieldName]));
      return promises;
    }, [])
  );
  if (validationResponses.some((r) => r.hasError)) {
    return;
  }
${indent(save, '  ')}
  resetStateValues();
}`
  return {
    tag: 'Grid',
    props: [
      text('as', 'form'),
      text('rowGap', '15px'),
      text('columnGap', '15px'),
      text('padding', '20px'),
      expr('onSubmit', submit),
      spread(`getOverrideProps(overrides, ${JSON.stringify(form)})`),
      spread('rest')
    ],
    children: [
      ...fields.map(field => textField(field, fields)),
      {
        tag: 'Flex',
        props: [text('justifyContent', 'space-between'), spread('getOverrideProps(overrides, "CTAFlex")')],
        children: [
          {
            tag: 'Button',
            props: [
              text('children', 'Clear'),
              text('type', 'reset'),
              expr('onClick', '(event) => {\n  event.preventDefault();\n  resetStateValues();\n}'),
              spread('getOverrideProps(overrides, "ClearButton")')
            ]
          },
          {
            tag: 'Button',
            props: [
              text('children', 'Submit'),
              text('type', 'submit'),
              text('variation', 'primary'),
              expr('isDisabled', 'Object.values(errors).some((e) => e?.hasError)'),
              spread('getOverrideProps(overrides, "SubmitButton")')
            ]
          }
        ]
      }
    ]
  }
}

function formTypes(form: string, fields: readonly string[]): string {
  const id = identifier(form)
  const values = fields.map(f => `    ${f}?: string;`).join('\n')
  const validators = fields.map(f => `    ${f}?: ValidationFunction<string>;`).join('\n')
  const overrides = fields.map(f => `    ${f}?: PrimitiveOverrideProps<TextFieldProps>;`).join('\n')
  return `export declare type ValidationResponse = {
    hasError: boolean;
    errorMessage?: string;
};
export declare type ValidationFunction<T> = (value: T, validationResponse: ValidationResponse) => ValidationResponse | Promise<ValidationResponse>;
export declare type ${id}InputValues = {
${values}
};
export declare type ${id}ValidationValues = {
${validators}
};
export declare type PrimitiveOverrideProps<T> = Partial<T> & React.DOMAttributes<HTMLDivElement>;
export declare type ${id}OverridesProps = {
    ${JSON.stringify(form)}?: PrimitiveOverrideProps<GridProps>;
${overrides}
} & EscapeHatchProps;
export declare type ${id}Props = React.PropsWithChildren<{
    overrides?: ${id}OverridesProps | undefined | null;
} & {
    onSubmit?: (fields: ${id}InputValues) => void;
    onChange?: (fields: ${id}InputValues) => ${id}InputValues;
    onValidate?: ${id}ValidationValues;
} & React.CSSProperties>;`
}

function formSource(form: string, options: GenerationOptions): string {
  const id = identifier(form)
  const fields = formFieldsOf(form, options)
  const { imports, setup, save } = saveStatement(form, options)
  const state = fields.map(f => `  const [${f}, ${setterOf(f)}] = React.useState(initialValues.${f});`).join('\n')
  const resets = fields.map(f => `    ${setterOf(f)}(initialValues.${f});`).join('\n')
  const initial = fields.map(f => `    ${f}: "",`).join('\n')
  const validations = fields.map(f => `    ${f}: [],`).join('\n')
  const utilsImport =
    options.amplifyMajor >= 6
      ? 'import { fetchByPath, getOverrideProps, validateField } from "./utils";'
      : 'import { fetchByPath, getOverrideProps, validateField } from "@aws-amplify/ui-react/internal";'
  const typed = options.script === 'tsx'
  const body = indent(render(formTree(form, fields, save), options.script), '    ')
  const signature = typed ? `export default function ${id}(props: ${id}Props): React.ReactElement {` : `export default function ${id}(props) {`
  const header = typed
    ? `import * as React from "react";
import { Button, Flex, Grid, GridProps, TextField, TextFieldProps } from "@aws-amplify/ui-react";
import { EscapeHatchProps } from "@aws-amplify/ui-react/internal";
${utilsImport}
${imports.join('\n')}${imports.length ? '\n' : ''}${formTypes(form, fields)}
`
    : `import * as React from "react";
import { Button, Flex, Grid, TextField } from "@aws-amplify/ui-react";
${utilsImport}
${imports.join('\n')}${imports.length ? '\n' : ''}`
  return `${STUDIO_BANNER}${header}${setup}${signature}
  const { onSubmit, onValidate, onChange, overrides, ...rest } = props;
  const initialValues = {
${initial}
  };
${state}
  const [errors, setErrors] = React.useState({});
  const resetStateValues = () => {
${resets}
    setErrors({});
  };
  const validations = {
${validations}
  };
  const runValidationTasks = async (fieldName, currentValue, getDisplayValue) => {
    const value =
      currentValue && getDisplayValue ? getDisplayValue(currentValue) : currentValue;
    let validationResponse = validateField(value, validations[fieldName]);
    const customValidator = fetchByPath(onValidate, fieldName);
    if (customValidator) {
      validationResponse = await customValidator(value, validationResponse);
    }
    setErrors((errors) => ({ ...errors, [fieldName]: validationResponse }));
    return validationResponse;
  };
  return (
${body}
  );
}
`
}

function formDeclaration(form: string, options: GenerationOptions): string {
  const id = identifier(form)
  return `${STUDIO_BANNER}import * as React from "react";
import { GridProps, TextFieldProps } from "@aws-amplify/ui-react";
import { EscapeHatchProps } from "@aws-amplify/ui-react/internal";
${formTypes(form, formFieldsOf(form, options))}
export default function ${id}(props: ${id}Props): React.ReactElement;
`
}

// ---------------------------------------------------------------- theme, index, utils

function themeSource(themeName: string, options: GenerationOptions): string {
  const accent = styleOf(themeName, options.contentVersion).color
  const typed = options.script === 'tsx'
  return `${STUDIO_BANNER}${typed ? 'import { Theme } from "@aws-amplify/ui-react";\n' : ''}export default {
  name: ${JSON.stringify(themeName)},
  tokens: {
    colors: {
      brand: {
        primary: {
          10: { value: "rgba(233,249,252,1)" },
          80: { value: ${JSON.stringify(accent)} },
          100: { value: "rgba(0,85,102,1)" },
        },
      },
      font: {
        primary: { value: "rgba(13,26,38,1)" },
      },
    },
    fonts: {
      default: {
        variable: { value: "'Inter', sans-serif" },
        static: { value: "'Inter', sans-serif" },
      },
    },
    radii: {
      small: { value: "2px" },
      medium: { value: "4px" },
    },
  },
  breakpoints: {
    values: { base: 0, small: 480, medium: 768, large: 992, xl: 1280, xxl: 1536 },
    defaultBreakpoint: "base",
  },
}${typed ? ' as Theme' : ''};
`
}

function themeDeclaration(): string {
  return `${STUDIO_BANNER}import { Theme } from "@aws-amplify/ui-react";
declare const _default: Theme;
export default _default;
`
}

function indexSource(themeName: string, names: readonly string[]): string {
  const lines = [themeName, ...names].map(name => `export { default as ${identifier(name)} } from "./${name}";`)
  return `${STUDIO_BANNER}${lines.join('\n')}\n`
}

function utilsSource(typed: boolean): string {
  const t = (annotation: string): string => (typed ? annotation : '')
  return `${STUDIO_BANNER}export const getOverrideProps = (overrides${t(': any')}, elementHierarchy${t(': string')}) => {
  if (!overrides) {
    return null;
  }
  return Object.entries(overrides)
    .filter(([key]) => key === elementHierarchy)
    .reduce((acc, [, value]) => Object.assign(acc, value), {});
};
export const getOverridesFromVariants = (variants${t(': any[]')}, props${t(': any')}) => {
  const variantValueKeys = [...new Set(variants.flatMap((variant) => Object.keys(variant.variantValues)))];
  const variantValuesFromProps = Object.keys(props)
    .filter((i) => variantValueKeys.includes(i) && props[i])
    .reduce((acc, key) => ({ ...acc, [key]: props[key] }), {});
  const matchedVariant = variants.find((variant) =>
    Object.entries(variant.variantValues).every(([key, value]) => variantValuesFromProps[key] === value)
  );
  return matchedVariant?.overrides ?? {};
};
export const fetchByPath = (input${t(': any')}, path = "", accumulator${t(': any[]')} = []) => {
  const currentPath = path && path.split(".");
  const head = currentPath.shift();
  if (input && head && input[head] !== undefined) {
    if (!currentPath.length) {
      accumulator.push(input[head]);
    } else {
      fetchByPath(input[head], currentPath.join("."), accumulator);
    }
  }
  return accumulator[0];
};
export const validateField = (value${t(': any')}, validations${t(': any[]')}) => {
  for (const validation of validations) {
    if (value === undefined || value === "" || value === null) {
      if (validation.type === "Required") {
        return { hasError: true, errorMessage: validation.validationMessage || "The value is required" };
      }
      return { hasError: false };
    }
    const validationResult = checkValidation(value, validation);
    if (validationResult?.hasError) {
      return validationResult;
    }
  }
  return { hasError: false };
};
const checkValidation = (value${t(': any')}, validation${t(': any')}) => {
  switch (validation.type) {
    case "Contains":
      return { hasError: !validation.strValues.some((el${t(': string')}) => value.includes(el)), errorMessage: validation.validationMessage };
    case "LessThanChar":
      return { hasError: !(value.length <= validation.numValues[0]), errorMessage: validation.validationMessage };
    case "GreaterThanChar":
      return { hasError: !(value.length > validation.numValues[0]), errorMessage: validation.validationMessage };
    case "Email":
      return { hasError: !/^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$/.test(value), errorMessage: validation.validationMessage || "The value must be a valid email address" };
    default:
      return undefined;
  }
};
`
}

// ---------------------------------------------------------------- all files

/** Every file of a job, in a stable order: components, forms, theme, index, utils. */
export function generateFiles(options: GenerationOptions): GeneratedFile[] {
  const themeName = options.themeName ?? DEFAULT_THEME_NAME
  const typedScript = options.script === 'tsx'
  const sourceExt = options.script === 'tsx' ? '.tsx' : options.script === 'jsx' ? '.jsx' : '.js'
  const moduleExt = typedScript ? '.ts' : '.js'
  const declarations = options.renderTypeDeclarations && !typedScript
  const files: GeneratedFile[] = []

  for (const name of options.components) {
    files.push({ fileName: `${name}${sourceExt}`, schemaName: name, content: componentSource(name, options) })
    if (declarations) files.push({ fileName: `${name}.d.ts`, schemaName: name, content: componentDeclaration(name) })
  }
  for (const form of options.forms) {
    files.push({ fileName: `${form}${sourceExt}`, schemaName: form, content: formSource(form, options) })
    if (declarations) files.push({ fileName: `${form}.d.ts`, schemaName: form, content: formDeclaration(form, options) })
  }
  files.push({ fileName: `${themeName}${moduleExt}`, schemaName: themeName, content: themeSource(themeName, options) })
  if (declarations) files.push({ fileName: `${themeName}.js.d.ts`, schemaName: themeName, content: themeDeclaration() })
  files.push({ fileName: `index${moduleExt}`, schemaName: 'index', content: indexSource(themeName, [...options.components, ...options.forms]) })
  files.push({ fileName: `utils${moduleExt}`, schemaName: 'utils', content: utilsSource(typedScript) })
  return files
}
