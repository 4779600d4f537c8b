/**
 * Host components for the UI Kit elements this app uses, drawn with real Atlaskit where it is cheap. Inputs keep a
 * local copy of their value: the app's state update arrives a reconcile later, and a strictly controlled DOM input
 * would jump back in between.
 */
import Button from '@atlaskit/button/new';
import ButtonGroup from '@atlaskit/button/button-group';
import Checkbox from '@atlaskit/checkbox';
import EmptyState from '@atlaskit/empty-state';
import { ErrorMessage, FormFooter, FormHeader, FormSection, HelperMessage, Label, RequiredAsterisk, ValidMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { bool, callHandler, inputEvent, str, textOf, type ForgeDoc } from './forgeDoc';

export interface HostProps {
  node: ForgeDoc;
  children: ReactNode;
}

type HostComponent = (props: HostProps) => ReactElement | null;

/** Follows the app's value when it changes, and the user's input in between. */
function useMirror<T>(controlled: T | undefined, initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(controlled ?? initial);
  const signature = JSON.stringify(controlled ?? null);
  useEffect(() => {
    if (controlled !== undefined) setValue(controlled);
    // The signature stands for `controlled`: a new but equal object from the next reconcile is no change.
  }, [signature]);
  return [value, setValue];
}

interface Option {
  label: string;
  value: unknown;
}

function options(value: unknown): Option[] {
  return Array.isArray(value) ? value.filter((o): o is Option => typeof o === 'object' && o !== null && 'label' in o) : [];
}

const Container: HostComponent = ({ children }) => <>{children}</>;

const FormHost: HostComponent = ({ node, children }) => (
  <form
    noValidate
    onSubmit={(event) => {
      event.preventDefault();
      callHandler(node, 'onSubmit');
    }}
  >
    {children}
  </form>
);

const FormHeaderHost: HostComponent = ({ node, children }) => (
  <FormHeader title={str(node.props.title)} description={str(node.props.description)}>
    {children}
  </FormHeader>
);

const FormSectionHost: HostComponent = ({ node, children }) => (
  <FormSection title={str(node.props.title)} description={str(node.props.description)}>
    {children}
  </FormSection>
);

const FormFooterHost: HostComponent = ({ node, children }) => (
  <FormFooter align={node.props.align === 'start' ? 'start' : 'end'}>{children}</FormFooter>
);

const LabelHost: HostComponent = ({ node, children }) => (
  <Label htmlFor={str(node.props.labelFor) ?? ''} id={str(node.props.id)} testId={str(node.props.testId)}>
    {children}
  </Label>
);

const TextfieldHost: HostComponent = ({ node }) => {
  const p = node.props;
  const [value, setValue] = useMirror<string>(str(p.value), str(p.defaultValue) ?? '');
  const type = str(p.type) ?? 'text';
  return (
    <Textfield
      id={str(p.id)}
      name={str(p.name)}
      type={type}
      value={value}
      placeholder={str(p.placeholder)}
      isRequired={bool(p.isRequired)}
      isDisabled={bool(p.isDisabled)}
      isInvalid={bool(p.isInvalid)}
      isReadOnly={bool(p.isReadOnly)}
      isCompact={bool(p.isCompact)}
      aria-invalid={bool(p['aria-invalid'])}
      aria-labelledby={str(p['aria-labelledby'])}
      testId={str(p.testId)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setValue(next);
        callHandler(node, 'onChange', inputEvent({ value: next, name: str(p.name), type }));
      }}
      onBlur={() => callHandler(node, 'onBlur')}
      onFocus={() => callHandler(node, 'onFocus')}
    />
  );
};

const TextAreaHost: HostComponent = ({ node }) => {
  const p = node.props;
  const [value, setValue] = useMirror<string>(str(p.value), str(p.defaultValue) ?? '');
  return (
    <textarea
      id={str(p.id)}
      name={str(p.name)}
      value={value}
      placeholder={str(p.placeholder)}
      disabled={bool(p.isDisabled)}
      aria-invalid={bool(p.isInvalid)}
      style={{ width: '100%', minHeight: 80, font: token('font.body', 'normal 400 0.875rem/1.25rem "Atlassian Sans", ui-sans-serif, -apple-system, BlinkMacSystemFont, "Segoe UI", Ubuntu, "Helvetica Neue", sans-serif'), padding: token('space.100', '0.5rem') }}
      onChange={(event) => {
        setValue(event.currentTarget.value);
        callHandler(node, 'onChange', inputEvent({ value: event.currentTarget.value, name: str(p.name), type: 'textarea' }));
      }}
      onBlur={() => callHandler(node, 'onBlur')}
    />
  );
};

const SelectHost: HostComponent = ({ node }) => {
  const p = node.props;
  const list = options(p.options);
  const isMulti = bool(p.isMulti) ?? false;
  // UI Kit hands Select the option objects; match them to `options` by value so the right one shows as chosen.
  const pick = (chosen: unknown): Option | Option[] | null => {
    const find = (o: unknown) => list.find((option) => option.value === (o as Option | null)?.value) ?? (o as Option);
    if (chosen === null || chosen === undefined) return isMulti ? [] : null;
    return Array.isArray(chosen) ? chosen.map(find) : find(chosen);
  };
  const [value, setValue] = useMirror<Option | Option[] | null>(
    p.value === undefined ? undefined : pick(p.value),
    pick(p.defaultValue),
  );
  return (
    <Select<Option, boolean>
      inputId={str(p.inputId) ?? str(p.id)}
      name={str(p.name)}
      options={list}
      value={value}
      isMulti={isMulti}
      isClearable={bool(p.isClearable)}
      isSearchable={bool(p.isSearchable) ?? true}
      isDisabled={bool(p.isDisabled)}
      isInvalid={bool(p.isInvalid)}
      isLoading={bool(p.isLoading)}
      isRequired={bool(p.isRequired)}
      placeholder={str(p.placeholder)}
      appearance={p.appearance === 'subtle' || p.appearance === 'none' ? p.appearance : 'default'}
      spacing={p.spacing === 'compact' ? 'compact' : 'default'}
      testId={str(p.testId)}
      menuPosition="fixed"
      onChange={(chosen) => {
        const next = (chosen ?? (isMulti ? [] : null)) as Option | Option[] | null;
        setValue(next);
        callHandler(node, 'onChange', next);
      }}
      onBlur={() => callHandler(node, 'onBlur')}
      onFocus={() => callHandler(node, 'onFocus')}
    />
  );
};

const CheckboxHost: HostComponent = ({ node }) => {
  const p = node.props;
  const [checked, setChecked] = useMirror<boolean>(bool(p.isChecked), bool(p.defaultChecked) ?? false);
  return (
    <Checkbox
      id={str(p.id)}
      name={str(p.name)}
      value={str(p.value)}
      label={str(p.label)}
      isChecked={checked}
      isDisabled={bool(p.isDisabled)}
      isInvalid={bool(p.isInvalid)}
      isRequired={bool(p.isRequired)}
      isIndeterminate={bool(p.isIndeterminate)}
      testId={str(p.testId)}
      onChange={(event) => {
        const next = event.currentTarget.checked;
        setChecked(next);
        callHandler(node, 'onChange', inputEvent({ checked: next, value: str(p.value), name: str(p.name), type: 'checkbox' }));
      }}
    />
  );
};

const CheckboxGroupHost: HostComponent = ({ node }) => {
  const p = node.props;
  const list = options(p.options) as { label: string; value: string; isDisabled?: boolean }[];
  const toStrings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined);
  const [values, setValues] = useMirror<string[]>(toStrings(p.value), toStrings(p.defaultValue) ?? []);
  const name = str(p.name) ?? 'checkbox-group';
  return (
    <div role="group" aria-label={str(p['aria-label']) ?? name}>
      {list.map((option) => (
        <Checkbox
          key={option.value}
          name={name}
          value={option.value}
          label={option.label}
          isChecked={values.includes(option.value)}
          isDisabled={bool(p.isDisabled) || option.isDisabled}
          onChange={(event) => {
            const next = event.currentTarget.checked
              ? list.map((o) => o.value).filter((v) => v === option.value || values.includes(v))
              : values.filter((v) => v !== option.value);
            setValues(next);
            callHandler(node, 'onChange', next);
          }}
        />
      ))}
    </div>
  );
};

const ButtonHost: HostComponent = ({ node, children }) => {
  const p = node.props;
  const appearances = ['default', 'danger', 'primary', 'subtle', 'warning', 'discovery'] as const;
  const appearance = appearances.find((a) => a === p.appearance) ?? 'default';
  return (
    <Button
      appearance={appearance}
      type={p.type === 'submit' ? 'submit' : p.type === 'reset' ? 'reset' : 'button'}
      isDisabled={bool(p.isDisabled)}
      isSelected={bool(p.isSelected)}
      shouldFitContainer={bool(p.shouldFitContainer)}
      autoFocus={bool(p.autoFocus)}
      testId={str(p.testId)}
      onClick={() => callHandler(node, 'onClick')}
    >
      {children}
    </Button>
  );
};

const LoadingButtonHost: HostComponent = (props) => {
  const p = props.node.props;
  if (p.isLoading === true) {
    return (
      <Button isLoading appearance={p.appearance === 'primary' ? 'primary' : 'default'}>
        {textOf(props.node)}
      </Button>
    );
  }
  return ButtonHost(props);
};

const ButtonGroupHost: HostComponent = ({ node, children }) => (
  <ButtonGroup label={str(node.props.label)} titleId={str(node.props.titleId)} testId={str(node.props.testId)}>
    {children}
  </ButtonGroup>
);

const TextHost: HostComponent = ({ node, children }) => {
  const p = node.props;
  const as = (['p', 'span', 'strong', 'em'] as const).find((tag) => tag === p.as) ?? 'p';
  if (p.as === 'strike') return <s>{children}</s>;
  return (
    <Text
      as={as}
      size={(['small', 'medium', 'large'] as const).find((s) => s === p.size)}
      weight={(['regular', 'medium', 'semibold', 'bold'] as const).find((w) => w === p.weight)}
      align={(['center', 'end', 'start'] as const).find((a) => a === p.align)}
      maxLines={typeof p.maxLines === 'number' ? p.maxLines : undefined}
      testId={str(p.testId)}
    >
      {children}
    </Text>
  );
};

const HeadingHost: HostComponent = ({ node, children }) => {
  const p = node.props;
  const sizes = ['xxlarge', 'xlarge', 'large', 'medium', 'small', 'xsmall', 'xxsmall'] as const;
  const tags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'span'] as const;
  return (
    <Heading size={sizes.find((s) => s === p.size) ?? 'medium'} as={tags.find((t) => t === p.as)} id={str(p.id)} testId={str(p.testId)}>
      {children}
    </Heading>
  );
};

const SectionMessageHost: HostComponent = ({ node, children }) => {
  const p = node.props;
  const appearances = ['information', 'warning', 'error', 'success', 'discovery'] as const;
  return (
    <SectionMessage appearance={appearances.find((a) => a === p.appearance) ?? 'information'} title={str(p.title)} testId={str(p.testId)}>
      {children}
    </SectionMessage>
  );
};

const SpinnerHost: HostComponent = ({ node }) => {
  const p = node.props;
  const sizes = ['small', 'medium', 'large', 'xlarge'] as const;
  return (
    <span role="status" style={{ display: 'inline-flex', padding: token('space.100', '0.5rem') }}>
      <Spinner size={sizes.find((s) => s === p.size) ?? 'medium'} label={str(p.label) ?? 'Loading'} testId={str(p.testId)} />
    </span>
  );
};

type StackProps = ComponentProps<typeof Stack>;
type InlineProps = ComponentProps<typeof Inline>;
type BoxProps = ComponentProps<typeof Box>;

const StackHost: HostComponent = ({ node, children }) => {
  const p = node.props as Partial<StackProps>;
  return (
    <Stack space={p.space} alignBlock={p.alignBlock} alignInline={p.alignInline} grow={p.grow} spread={p.spread} testId={p.testId}>
      {children}
    </Stack>
  );
};

const InlineHost: HostComponent = ({ node, children }) => {
  const p = node.props as Partial<InlineProps>;
  return (
    <Inline
      space={p.space}
      rowSpace={p.rowSpace}
      alignBlock={p.alignBlock}
      alignInline={p.alignInline}
      grow={p.grow}
      spread={p.spread}
      shouldWrap={p.shouldWrap}
      separator={typeof p.separator === 'string' ? p.separator : undefined}
      testId={p.testId}
    >
      {children}
    </Inline>
  );
};

const BoxHost: HostComponent = ({ node, children }) => {
  const p = node.props as Partial<BoxProps>;
  return (
    <Box
      as={p.as}
      padding={p.padding}
      paddingBlock={p.paddingBlock}
      paddingInline={p.paddingInline}
      paddingBlockStart={p.paddingBlockStart}
      paddingBlockEnd={p.paddingBlockEnd}
      paddingInlineStart={p.paddingInlineStart}
      paddingInlineEnd={p.paddingInlineEnd}
      backgroundColor={p.backgroundColor}
      testId={p.testId}
    >
      {children}
    </Box>
  );
};

const MessageHost =
  (Message: typeof ErrorMessage | typeof HelperMessage | typeof ValidMessage): HostComponent =>
  ({ node, children }) => <Message testId={str(node.props.testId)}>{children}</Message>;

const LozengeHost: HostComponent = ({ node, children }) => {
  const appearances = ['default', 'inprogress', 'moved', 'new', 'removed', 'success'] as const;
  return (
    <Lozenge appearance={appearances.find((a) => a === node.props.appearance) ?? 'default'} isBold={bool(node.props.isBold)}>
      {children}
    </Lozenge>
  );
};

const EmptyStateHost: HostComponent = ({ node }) => (
  <EmptyState header={str(node.props.header) ?? ''} description={str(node.props.description)} testId={str(node.props.testId)} />
);

const LinkHost: HostComponent = ({ node, children }) => {
  const href = str(node.props.href) ?? '#';
  return (
    <a
      href={href}
      target={node.props.openNewTab === true ? '_blank' : undefined}
      rel="noreferrer"
      onClick={(event) => {
        if (href === '#') event.preventDefault();
      }}
    >
      {children}
    </a>
  );
};

const ToggleHost: HostComponent = ({ node }) => {
  const p = node.props;
  const [checked, setChecked] = useMirror<boolean>(bool(p.isChecked), bool(p.defaultChecked) ?? false);
  return (
    <input
      type="checkbox"
      role="switch"
      id={str(p.id)}
      name={str(p.name)}
      checked={checked}
      disabled={bool(p.isDisabled)}
      aria-label={str(p.label)}
      onChange={(event) => {
        setChecked(event.currentTarget.checked);
        callHandler(node, 'onChange', inputEvent({ checked: event.currentTarget.checked, name: str(p.name), type: 'checkbox' }));
      }}
    />
  );
};

const RadioGroupHost: HostComponent = ({ node }) => {
  const p = node.props;
  const list = options(p.options) as { label: string; value: string; isDisabled?: boolean }[];
  const [value, setValue] = useMirror<string | undefined>(str(p.value), str(p.defaultValue));
  const name = str(p.name) ?? 'radio-group';
  return (
    <div role="radiogroup" aria-label={str(p['aria-labelledby']) ? undefined : name} aria-labelledby={str(p['aria-labelledby'])}>
      {list.map((option) => (
        <label key={option.value} style={{ display: 'block' }}>
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            disabled={bool(p.isDisabled) || option.isDisabled}
            onChange={() => {
              setValue(option.value);
              callHandler(node, 'onChange', inputEvent({ value: option.value, name, type: 'radio' }));
            }}
          />{' '}
          {option.label}
        </label>
      ))}
    </div>
  );
};

const Strong: HostComponent = ({ children }) => <strong>{children}</strong>;
const Em: HostComponent = ({ children }) => <em>{children}</em>;
const Strike: HostComponent = ({ children }) => <s>{children}</s>;
const RequiredAsteriskHost: HostComponent = () => <RequiredAsterisk />;

export const HOST_COMPONENTS: Record<string, HostComponent> = {
  Root: Container,
  MacroConfig: Container,
  Form: FormHost,
  FormHeader: FormHeaderHost,
  FormSection: FormSectionHost,
  FormFooter: FormFooterHost,
  Label: LabelHost,
  Textfield: TextfieldHost,
  TextArea: TextAreaHost,
  Select: SelectHost,
  Checkbox: CheckboxHost,
  CheckboxGroup: CheckboxGroupHost,
  Toggle: ToggleHost,
  RadioGroup: RadioGroupHost,
  Button: ButtonHost,
  LoadingButton: LoadingButtonHost,
  ButtonGroup: ButtonGroupHost,
  Text: TextHost,
  Heading: HeadingHost,
  SectionMessage: SectionMessageHost,
  Spinner: SpinnerHost,
  ErrorMessage: MessageHost(ErrorMessage),
  HelperMessage: MessageHost(HelperMessage),
  ValidMessage: MessageHost(ValidMessage),
  RequiredAsterisk: RequiredAsteriskHost,
  Stack: StackHost,
  Inline: InlineHost,
  Box: BoxHost,
  Lozenge: LozengeHost,
  EmptyState: EmptyStateHost,
  Link: LinkHost,
  Strong,
  Em,
  Strike,
};
