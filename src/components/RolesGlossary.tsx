import * as React from 'react';
import { DefaultButton, ITextField, MessageBar, MessageBarType, Panel, PanelType, PrimaryButton, Spinner, Stack, Text, TextField, ThemeProvider, getId, useTheme } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate } from '../model/isoDate';
import { IPerson, IRole } from '../model/plan';
import { IViewer, isPlanOfficer } from '../model/permissions';
import { IRoleEdit, RoleEditProblem, roleAfterEdit, roleEditProblems } from '../model/roles';
import { ConflictError } from '../services/errors';
import { IPeopleService } from '../services/IPeopleService';
import { IGlossaryRole, IRoleService } from '../services/IRoleService';
import { useCulture } from './culture';
import { errorMessage, formatDate, formatString } from './format';
import { IPickedPerson, PersonPicker } from './PersonPicker';
import { ScrollRegion } from './ScrollRegion';
import { useTableStyles } from './tableStyles';
import { useFocusRing } from './themes';

export interface IRolesGlossaryProps {
  planId: number;
  roleService: IRoleService;
  /** Finds people to hold a role; without it the glossary is shown, not edited. */
  peopleService?: IPeopleService;
  /** Who is looking: a plan officer edits the glossary, anyone else reads it. */
  viewer: IViewer;
  /** The page's today: a new holder holds the role from it, and a saved entry is confirmed on it. */
  today: IsoDate;
  /** Called with the whole glossary after each save, so every view reaches the new holders. */
  onChanged: (roles: IRole[]) => void;
  onDismiss: () => void;
}

type Loaded = { kind: 'loading' } | { kind: 'loaded'; roles: IGlossaryRole[] } | { kind: 'failed'; message: string };

/** A person box in the form: who is chosen, and what is typed while no one is. */
interface IPersonDraft {
  picked?: IPickedPerson;
  typed: string;
}

/** The entry being edited: an existing role by id, or a new one (id 0). */
interface IDraft {
  roleId: number;
  title: string;
  abbreviation: string;
  holder: IPersonDraft;
  deputy: IPersonDraft;
}

type FormProblem = RoleEditProblem | 'holderNotChosen' | 'deputyNotChosen';

const PROBLEM_TEXT: Readonly<Record<FormProblem, () => string>> = {
  titleRequired: () => strings.RolesTitleRequired,
  titleTaken: () => strings.RolesTitleTaken,
  deputyIsHolder: () => strings.RolesDeputyIsHolder,
  holderNotChosen: () => strings.RolesPersonNotChosen,
  deputyNotChosen: () => strings.RolesPersonNotChosen
};

function personDraft(person: IPerson | undefined): IPersonDraft {
  return { picked: person ? { person } : undefined, typed: '' };
}

function draftOf(role: IRole | undefined): IDraft {
  return { roleId: role?.id ?? 0, title: role?.title ?? '', abbreviation: role?.abbreviation ?? '', holder: personDraft(role?.holder), deputy: personDraft(role?.deputy) };
}

function editOf(draft: IDraft): IRoleEdit {
  return { title: draft.title, abbreviation: draft.abbreviation, holder: draft.holder.picked?.person, deputy: draft.deputy.picked?.person };
}

/** What stops the draft being saved: the model's rules, and a name typed but no one chosen. */
function problemsOf(draft: IDraft, roles: readonly IRole[]): FormProblem[] {
  const problems: FormProblem[] = roleEditProblems(
    editOf(draft),
    roles.filter((role) => role.id !== draft.roleId)
  );
  if (!draft.holder.picked && draft.holder.typed.trim()) problems.push('holderNotChosen');
  if (!draft.deputy.picked && draft.deputy.typed.trim()) problems.push('deputyNotChosen');
  return problems;
}

/**
 * The roles glossary in a panel: each role with its abbreviation, holder and since when,
 * deputy and when it was last confirmed. A plan officer changes a holder or deputy with
 * the people search (the person is made a site user when saved), and adds roles; a new
 * holder holds the role from today, and saving confirms the entry today. Each save is
 * sent with the entry's ETag: if someone else saved it first, their version shows and
 * the officer's changes stay in the form to save again.
 */
export function RolesGlossary({ planId, roleService, peopleService, viewer, today, onChanged, onDismiss }: IRolesGlossaryProps): JSX.Element {
  const culture = useCulture();
  const theme = useTheme();
  const focusRing = useFocusRing();
  const [loaded, setLoaded] = React.useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = React.useState(0);
  const [draft, setDraft] = React.useState<IDraft | undefined>(undefined);
  const [problems, setProblems] = React.useState<FormProblem[]>([]);
  const [saving, setSaving] = React.useState(false);
  const [notice, setNotice] = React.useState<{ type: MessageBarType; text: string } | undefined>(undefined);
  // The control focus returns to when the form closes: a role's Edit button, or Add.
  const [returnFocus, setReturnFocus] = React.useState<string | undefined>(undefined);
  const [ids] = React.useState(() => ({ base: getId('roles'), form: getId('role-form') }));
  const titleField = React.useRef<ITextField>(null);
  const table = useTableStyles();
  const canEdit = isPlanOfficer(viewer) && peopleService !== undefined;

  React.useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    roleService.loadRoles(planId).then(
      (roles) => current && setLoaded({ kind: 'loaded', roles }),
      (error: unknown) => current && setLoaded({ kind: 'failed', message: errorMessage(error) })
    );
    return () => {
      current = false;
    };
  }, [roleService, planId, attempt]);

  const formOpen = draft !== undefined;
  React.useEffect(() => {
    if (formOpen) titleField.current?.focus();
    else if (returnFocus) document.getElementById(returnFocus)?.focus();
  }, [formOpen, returnFocus]);

  const roles = loaded.kind === 'loaded' ? loaded.roles : [];
  const editButtonId = (roleId: number): string => (roleId === 0 ? `${ids.base}-add` : `${ids.base}-edit-${roleId}`);

  const open = (role: IRole | undefined): void => {
    setDraft(draftOf(role));
    setProblems([]);
    setNotice(undefined);
    setReturnFocus(editButtonId(role?.id ?? 0));
  };
  const close = (): void => {
    setDraft(undefined);
    setProblems([]);
  };
  const replaceRole = (role: IGlossaryRole, isNew: boolean): IGlossaryRole[] => {
    const next = (isNew ? [...roles, role] : roles.map((existing) => (existing.id === role.id ? role : existing))).sort((left, right) => left.title.localeCompare(right.title, culture));
    setLoaded({ kind: 'loaded', roles: next });
    return next;
  };

  /** The person as a site user: one the search found is added to the site when the entry is saved. */
  const siteUser = async (person: IPersonDraft): Promise<IPerson | undefined> => {
    const picked = person.picked;
    if (!picked?.loginName || !peopleService) return picked?.person;
    return peopleService.ensurePerson({ loginName: picked.loginName, displayName: picked.person.displayName, email: picked.person.email });
  };

  const save = async (): Promise<void> => {
    if (!draft) return;
    const found = problemsOf(draft, roles);
    setProblems(found);
    if (found.length > 0) return;
    const existing = roles.find((role) => role.id === draft.roleId);
    setSaving(true);
    setNotice(undefined);
    try {
      const [holder, deputy] = await Promise.all([siteUser(draft.holder), siteUser(draft.deputy)]);
      const edited = roleAfterEdit<IGlossaryRole>(existing ?? { id: 0, planId, title: '' }, { ...editOf(draft), holder, deputy }, today);
      const saved = existing ? await roleService.saveRole(edited) : await roleService.addRole(edited);
      onChanged(replaceRole(saved, !existing));
      setReturnFocus(editButtonId(saved.id));
      setDraft(undefined);
      setNotice({ type: MessageBarType.success, text: formatString(strings.RolesSaved, saved.title) });
    } catch (error) {
      if (error instanceof ConflictError) {
        onChanged(replaceRole(error.current as IGlossaryRole, false));
        setNotice({ type: MessageBarType.warning, text: `${strings.ErrorConflict} ${strings.RolesConflict}` });
      } else {
        setNotice({ type: MessageBarType.error, text: `${strings.EditFailed} ${errorMessage(error)}` });
      }
    } finally {
      setSaving(false);
    }
  };

  const change = (patch: Partial<IDraft>): void => setDraft((before) => (before ? { ...before, ...patch } : before));
  const problemText = (...kinds: FormProblem[]): string | undefined => {
    const problem = problems.find((candidate) => kinds.indexOf(candidate) >= 0);
    return problem ? PROBLEM_TEXT[problem]() : undefined;
  };
  const personName = (person: IPerson | undefined): string => person?.displayName ?? strings.NotRecorded;
  const editing = roles.find((role) => role.id === draft?.roleId);

  return (
    <Panel isOpen isBlocking={false} type={PanelType.large} headerText={strings.RolesHeading} closeButtonAriaLabel={strings.RolesClose} onDismiss={onDismiss}>
      {/* The panel renders outside the web part's element, so it takes the section's theme again here. */}
      <ThemeProvider theme={theme} className={focusRing}>
        <Stack tokens={{ childrenGap: 16 }}>
          <Text>{strings.RolesIntro}</Text>
          {notice && (
            <MessageBar messageBarType={notice.type} isMultiline>
              {notice.text}
            </MessageBar>
          )}
          {loaded.kind === 'loading' && <Spinner label={strings.RolesLoading} />}
          {loaded.kind === 'failed' && (
            <MessageBar messageBarType={MessageBarType.error} isMultiline actions={<DefaultButton onClick={() => setAttempt((n) => n + 1)}>{strings.TryAgain}</DefaultButton>}>
              {loaded.message}
            </MessageBar>
          )}
          {loaded.kind === 'loaded' &&
            (roles.length === 0 ? (
              <Text>{strings.RolesNone}</Text>
            ) : (
              <ScrollRegion label={strings.RolesCaption}>
                <table className={table.table}>
                  <caption className={table.caption}>{strings.RolesCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{strings.RolesTitleColumn}</th>
                      <th scope="col">{strings.RolesAbbreviationLabel}</th>
                      <th scope="col">{strings.RolesHolderColumn}</th>
                      <th scope="col">{strings.RolesSinceColumn}</th>
                      <th scope="col">{strings.RolesDeputyColumn}</th>
                      <th scope="col">{strings.RolesReviewedColumn}</th>
                      {canEdit && <td />}
                    </tr>
                  </thead>
                  <tbody>
                    {roles.map((role) => (
                      <tr key={role.id}>
                        <th scope="row">{role.title}</th>
                        <td>{role.abbreviation ?? ''}</td>
                        <td>{personName(role.holder)}</td>
                        <td>{formatDate(role.holderSince, strings.NotRecorded, culture)}</td>
                        <td>{personName(role.deputy)}</td>
                        <td>{formatDate(role.reviewed, strings.NotRecorded, culture)}</td>
                        {canEdit && (
                          <td>
                            <DefaultButton id={editButtonId(role.id)} disabled={formOpen} onClick={() => open(role)}>
                              {formatString(strings.RolesEdit, role.title)}
                            </DefaultButton>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            ))}
          {canEdit && loaded.kind === 'loaded' && !formOpen && (
            <Stack.Item>
              <DefaultButton id={editButtonId(0)} iconProps={{ iconName: 'Add' }} onClick={() => open(undefined)}>
                {strings.RolesAdd}
              </DefaultButton>
            </Stack.Item>
          )}
          {canEdit && draft && peopleService && (
            <form
              aria-labelledby={`${ids.form}-heading`}
              // The form says what is missing in its own words, beside each field, rather than the browser's bubble.
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                save().catch(() => undefined);
              }}
            >
              <Stack tokens={{ childrenGap: 12 }}>
                <Text as="h3" variant="large" id={`${ids.form}-heading`}>
                  {editing ? formatString(strings.RolesEdit, editing.title) : strings.RolesAdd}
                </Text>
                <TextField componentRef={titleField} label={strings.RolesTitleLabel} required value={draft.title} onChange={(_, text) => change({ title: text ?? '' })} errorMessage={problemText('titleRequired', 'titleTaken')} />
                <TextField label={strings.RolesAbbreviationLabel} value={draft.abbreviation} onChange={(_, text) => change({ abbreviation: text ?? '' })} />
                <PersonPicker
                  label={strings.RolesHolderLabel}
                  value={draft.holder.picked}
                  onChange={(picked, typed) => change({ holder: { picked, typed } })}
                  peopleService={peopleService}
                  description={formatString(strings.RolesHolderHint, formatDate(today, today, culture))}
                  errorMessage={problemText('holderNotChosen')}
                />
                <PersonPicker
                  label={strings.RolesDeputyLabel}
                  value={draft.deputy.picked}
                  onChange={(picked, typed) => change({ deputy: { picked, typed } })}
                  peopleService={peopleService}
                  description={strings.RolesDeputyHint}
                  errorMessage={problemText('deputyNotChosen', 'deputyIsHolder')}
                />
                <Stack horizontal tokens={{ childrenGap: 8 }}>
                  <PrimaryButton type="submit" disabled={saving}>
                    {saving ? strings.Saving : strings.RolesSave}
                  </PrimaryButton>
                  <DefaultButton onClick={close} disabled={saving}>
                    {strings.Cancel}
                  </DefaultButton>
                </Stack>
              </Stack>
            </form>
          )}
        </Stack>
      </ThemeProvider>
    </Panel>
  );
}
