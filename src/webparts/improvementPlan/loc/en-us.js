define([], function () {
  return {
    PropertyPaneDescription: "Choose the plan this page shows and how it opens.",
    PlanGroupName: "Plan",
    PlanFieldLabel: "Plan",
    PlanFieldPlaceholder: "Choose a plan",
    PlansLoading: "Loading plans…",
    PlansLoadFailed: "The plans could not be loaded: {0}",

    AppTitle: "SEND improvement plan",
    Loading: "Loading the plan…",
    LoadFailed: "The plan could not be loaded.",
    TryAgain: "Try again",
    NoPlanChosen: "No plan has been chosen for this page yet. Edit the page and choose a plan in the web part settings.",
    NoPriorities: "This plan has no priority areas yet.",
    ReadWarningsHeading: "Some values could not be read",

    LocalArea: "Local area",
    Partners: "Partners",
    InspectionDate: "Inspection",
    PublicationDate: "Published",
    ReportingDate: "Reporting date",
    NotRecorded: "Not recorded",

    SummaryHeading: "Status by priority",
    SummaryCaption: "Actions in each priority area by status, with those overdue and due in the next {0} days, as at {1}.",
    PriorityColumn: "Priority area",
    TotalColumn: "Actions",
    OverdueColumn: "Overdue",
    DueSoonColumn: "Due in {0} days",
    NoStatus: "No status",
    WholePlanRow: "Whole plan",
    StatusBarLabel: "{0}: {1} of {2} actions"
  };
});
