import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react';

/** A form's fields, first to last: the hidden file input behind "Attach files" is not one. */
const FIELDS = 'input:not([hidden]):not([type="hidden"]), textarea, [role="combobox"]';

/**
 * Keyboard focus for a form: on its first field when it opens (`focusOnOpen`), and on
 * the first field marked invalid each time `showProblems` is called after a check that
 * failed. `box` goes on an element round the form.
 */
export function useFormFocus(focusOnOpen: boolean): { box: React.RefObject<HTMLDivElement>; showProblems: () => void } {
  const box = React.useRef<HTMLDivElement>(null);
  const [checks, setChecks] = React.useState(0);
  React.useEffect(() => {
    if (checks === 0 && !focusOnOpen) return;
    // After a check, the fields it marked are rendered by now.
    box.current?.querySelector<HTMLElement>(checks === 0 ? FIELDS : '[aria-invalid="true"]')?.focus();
    // Only on opening and after each check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checks]);
  const showProblems = React.useCallback(() => setChecks((count) => count + 1), []);
  return { box, showProblems };
}

/**
 * What a save did, taking focus as it appears: the form that had focus has closed, so
 * keyboard and screen reader users carry on from the confirmation, not the page's top.
 */
export function Confirmation({ message }: { message: string }): JSX.Element {
  const box = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} tabIndex={-1}>
      <MessageBar messageBarType={MessageBarType.success}>{message}</MessageBar>
    </div>
  );
}
