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
}

declare module 'ImprovementPlanWebPartStrings' {
  const strings: IImprovementPlanWebPartStrings;
  export = strings;
}
