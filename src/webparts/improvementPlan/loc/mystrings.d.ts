declare interface IImprovementPlanWebPartStrings {
  PropertyPaneDescription: string;
  PlanGroupName: string;
  PlanFieldLabel: string;
  PlanFieldPlaceholder: string;
  PlansLoading: string;
  PlansLoadFailed: string;

  AppTitle: string;
  Loading: string;
  LoadFailed: string;
  TryAgain: string;
  NoPlanChosen: string;
  NoPriorities: string;
  ReadWarningsHeading: string;

  LocalArea: string;
  Partners: string;
  InspectionDate: string;
  PublicationDate: string;
  ReportingDate: string;
  NotRecorded: string;

  SummaryHeading: string;
  SummaryCaption: string;
  PriorityColumn: string;
  TotalColumn: string;
  OverdueColumn: string;
  DueSoonColumn: string;
  NoStatus: string;
  WholePlanRow: string;
  StatusBarLabel: string;

  ErrorNotFound: string;
  ErrorForbidden: string;
  ErrorThrottled: string;
  ErrorConflict: string;
  ErrorOverThreshold: string;
  ErrorNetwork: string;
  ErrorNotSetUp: string;
  ErrorUnexpected: string;

  ChangesHeading: string;
  ChangesBoardDateLabel: string;
  ChangesNoBoardDate: string;
  ChangesSummary: string;
  ChangesNone: string;
  ChangesCaption: string;
  ChangesRefColumn: string;
  ChangesActionColumn: string;
  ChangesWasColumn: string;
  ChangesNowColumn: string;
  ChangesMovementColumn: string;
  ChangesUpdatesColumn: string;
  ChangesOverdueColumn: string;
  MovementImproved: string;
  MovementDeteriorated: string;
  MovementChanged: string;
  MovementUnchanged: string;
  MovementFirstRated: string;
  Yes: string;
  No: string;

  ExceptionsHeading: string;
  ExceptionsNone: string;
  ExceptionsCaption: string;
  ExceptionsStatusColumn: string;
  ExceptionsWhyColumn: string;
  ReasonOffTrack: string;
  ReasonOverdue: string;
  ReasonPersistent: string;

  MyActionsHeading: string;
  MyActionsNone: string;
  MyActionsOwed: string;
  MyActionsOwedNone: string;
  MyActionsOwedBadge: string;
  GroupOverdue: string;
  GroupDueSoon: string;
  GroupLater: string;
  GroupComplete: string;
  DueLabel: string;
  LatestUpdateLabel: string;
  NoUpdateYet: string;
  LatestUpdateText: string;
  UpdateButton: string;
  UpdateHeading: string;
  UpdateEvidenceUrlLabel: string;
  UpdateEvidenceUrlInvalid: string;
  UpdateCancel: string;
  UpdateStatusLabel: string;
  UpdateNoteLabel: string;
  UpdateSave: string;
  UpdateSaving: string;
  UpdateSaved: string;
  UpdateFailed: string;
  UpdateConflict: string;
  UpdateNoteRequired: string;
  UpdateReadOnly: string;

  ListsGroupName: string;
  SetUpLists: string;
  SetUpListsRunning: string;
  SetUpListsDone: string;
  SetUpListsNothingToDo: string;
  SetUpListsProblems: string;
  SetUpListsFailed: string;
}

declare module 'ImprovementPlanWebPartStrings' {
  const strings: IImprovementPlanWebPartStrings;
  export = strings;
}
