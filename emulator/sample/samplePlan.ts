/**
 * The sample plan: Shropshire's Area SEND Accelerated Progress Plan (post revisit,
 * November 2022), priority areas 3 and 5, transcribed from ../shared/seeds with the
 * facts as written: references, action wording, owners and "by when" text (TBC,
 * "In place", "?July 2023" and all). People named in the plan who are also sample
 * users get the person column; everyone else stays as written.
 *
 * Statuses and the year of progress history are invented (the seed has none), and
 * so are the KPI actuals, the KPIs' dated progress notes and the few revisions (a due
 * date moved twice, an owner named, a text reworded); the KPI milestones are the plan's own.
 */
export interface ISampleAction {
  ref: string;
  text: string;
  /** Responsible officer as written in the plan. */
  officer: string;
  /** E-mail of the sample user who holds that job, when the plan names one. */
  officerEmail?: string;
  due: string;
  theme?: string;
  desiredImpact?: string;
  /** Changes of key fields since the plan was published, oldest first; the fields above are as first written. */
  revisions?: ISampleRevision[];
}

/** A change of one key field, made on `date` (an IRevision without its timestamp). */
export interface ISampleRevision {
  date: string;
  by: string;
  field: 'text' | 'revisedDue' | 'responsibleOfficer';
  old: string;
  new: string;
  reason?: string;
}

export interface ISampleOutcome {
  number: string;
  title: string;
  actions: ISampleAction[];
}

export interface ISampleKpi {
  ref: string;
  title: string;
  unit: string;
  direction: 'higher' | 'lower';
  baselineText: string;
  baselineValue?: number;
  milestones: Array<{ label: string; monthsFromStart: number; text: string; target?: number }>;
  /** Invented monthly actuals from the plan's start. */
  actuals: number[];
  /** The lead's invented progress note and the day it was written. */
  progressNote?: { text: string; date: string };
}

export interface ISamplePriority {
  number: string;
  title: string;
  inspectionFinding: string;
  leadEmail: string;
  outcomes: ISampleOutcome[];
  kpis: ISampleKpi[];
}

export const SAMPLE_PLAN = {
  title: 'Shropshire Area SEND Accelerated Progress Plan 2023',
  localArea: 'Shropshire',
  planType: 'APP',
  partners: ['Shropshire Council', 'NHS Shropshire, Telford and Wrekin ICB', 'MPFT', 'Shropshire Community Health NHS Trust'],
  inspectionDate: '2022-11-23',
  publicationDate: '2023-02-06',
  startDate: '2023-03-01',
  accountableOfficers: ['David Shaw (LANO), Shropshire Council', 'Tanya Miles, Executive Director of People, Shropshire Council', 'Gareth Robinson, Director of Delivery and Transformation and Executive Lead for SEND, NHS Shropshire, Telford and Wrekin'],
  statusScheme: 'ragc',
  reportingDates: ['2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31'],
  /** The date the sample's history runs up to: the local page shows the plan as at this day. */
  asAt: '2024-02-29'
} as const;

const ND_LEAD = 'kathryn.morgan@send.example';
const EHCP_LEAD = 'karen.levell@send.example';
const MILLAR = 'millar.bownass@send.example';
const ALISON = 'alison.parkinson@send.example';
const DALE = 'dale.coleman@send.example';
const FRAN = 'fran.davis@send.example';
const STEVE = 'steve.laycock@send.example';

export const SAMPLE_PRIORITIES: readonly ISamplePriority[] = [
  {
    number: '3',
    title: 'ND Pathways and Waiting Times',
    inspectionFinding: 'Waiting times for neurodevelopmental (ASD and ADHD) assessment remain too long, and support while waiting is unclear.',
    leadEmail: ND_LEAD,
    outcomes: [
      {
        number: '1',
        title: 'The needs of CYP related to ASD & ADHD are effectively identified at early stages and there is high quality support both pre, during and after diagnosis',
        actions: [
          { ref: '3.1.1', text: 'Collate details of all support currently available for those with (or possibly with) ASD & ADHD age 0 - 5', officer: 'ND Workstream to confirm', due: 'Apr-23', theme: 'Actions to ensure families know about the support available' },
          { ref: '3.1.2', text: 'Collate details of all support currently available for those with (or possibly with) ASD & ADHD age 5 - 18', officer: 'ND Workstream to confirm', due: 'Jul-23', theme: 'Actions to ensure families know about the support available' },
          { ref: '3.1.3', text: 'Collate details of all support currently available for those with (or possibly with) ASD & ADHD age 18+', officer: 'ND Workstream to confirm', due: 'Sep-23', theme: 'Actions to ensure families know about the support available' },
          { ref: '3.1.4', text: 'Publish all of the support available on the local offer website', officer: 'ND Workstream to confirm', due: 'Sep-23', theme: 'Actions to ensure families know about the support available',
            // Named between the September and December boards, before it slipped to Amber.
            revisions: [{ date: '2023-10-16', by: 'Kathryn Morgan', field: 'responsibleOfficer', old: 'ND Workstream to confirm', new: 'Kathryn Morgan' }] },
          { ref: '3.1.5', text: 'Have a specific ASD area on local offer website (as requested through the Local Offer working group)', officer: 'ND Workstream to confirm', due: 'Sep-23', theme: 'Actions to ensure families know about the support available',
            revisions: [{ date: '2023-07-20', by: 'Kathryn Morgan', field: 'text', old: 'Have a specific ASD area on local offer website (as requested through the Local Offer working group)', new: 'Have a specific neurodiversity (ASD and ADHD) area on the local offer website, as requested through the Local Offer working group' }] },
          { ref: '3.1.6', text: 'Roll out the Self-Help Passport for those 18 - 25 who are pre-diagnosis', officer: 'A4U (The Autism Hub)', due: 'твс', theme: 'Actions to ensure families know about the support available' },
          { ref: '3.1.7', text: 'Place holder for Social Prescribing initiative', officer: 'твс', due: 'TBC' },
          { ref: '3.2.1', text: 'Gather & analyse feedback from early years & educational settings regarding neurodiversity and how to support identified needs', officer: 'Kathryn Morgan to confirm', due: 'Apr-23', theme: 'Actions to ensure good quality support for Early Years and Educational Settings' },
          { ref: '3.2.2', text: 'ND Training Steering Group will develop a plan to meet the identified needs of schools and settings including training and coaching', officer: 'Kathryn Morgan to confirm', due: '?July 2023', theme: 'Actions to ensure good quality support for Early Years and Educational Settings' },
          { ref: '3.2.3', text: 'Planned Inclusion sessions for early years and educational settings including a focus on Neurodiversity including ADHD and ASD', officer: 'Kathryn Morgan to confirm', due: 'In place', theme: 'Actions to ensure good quality support for Early Years and Educational Settings' },
          { ref: '3.2.4', text: 'Review and develop the outreach support available to early years & education settings', officer: 'Kathryn Morgan to confirm', due: '? August 2023', theme: 'Actions to ensure good quality support for Early Years and Educational Settings' },
          { ref: '3.3.1', text: 'Increase the availability for formal support offered to parents and carers following a diagnosis', officer: 'Commissioners', due: '? December 2023', theme: 'Actions to ensure good quality support for parents and carers',
            // Moved before the September board, then again after it went Amber in December.
            revisions: [
              { date: '2023-08-15', by: 'Millar Bownass', field: 'revisedDue', old: '', new: 'Jan-24', reason: 'Procurement timetable agreed with commissioners' },
              { date: '2024-01-18', by: 'Kathryn Morgan', field: 'revisedDue', old: 'Jan-24', new: 'Jun-24', reason: 'Provider withdrew; the service is being re-tendered' }
            ] },
          { ref: '3.3.2', text: 'Enhance the peer support offer for families during or after a diagnosis of ASD or ADHD', officer: 'ND workstream to confirm', due: '? September 2023', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.3.3', text: 'Continue the Autism West Midlands offer of support which does not require a diagnosis to access', officer: 'Commissioners', due: 'In place', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.3.4', text: "Develop and launch the CDC advice line which will be accessible to children for whom there are concern, or help in navigating the system and what's available", officer: 'Alison Parkinson', officerEmail: ALISON, due: 'TBC', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.3.5', text: 'Coproduced redesign of CDC website', officer: 'Alison Parkinson', officerEmail: ALISON, due: 'твс', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.3.6', text: 'Roll out of the Healthier together website with advice and guidance for the ND population', officer: 'Millar Bownass', officerEmail: MILLAR, due: '?April 2023', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.3.7', text: 'Psychoeducation courses on managing sleep issues delivered by PODS', officer: 'LDA Program Lead', due: '?April 2023', theme: 'Actions to ensure good quality support for parents and carers' },
          { ref: '3.4.1', text: 'Develop and recruit to the roles of ND Practitioners to supported a targeted cohort', officer: 'Kathryn Morgan', officerEmail: ND_LEAD, due: '', theme: 'Actions to enable trial of enhanced support' },
          { ref: '3.4.2', text: 'Review the impact of the ND Practitioners to inform the requirements for support in the 2nd year', officer: 'Kathryn Morgan', officerEmail: ND_LEAD, due: '', theme: 'Actions to enable trial of enhanced support' },
          { ref: '3.5.1', text: 'Complete the Mental Health Transformation Plan to set the strategic direction of how all CYP with Mental Health Needs will have their needs met', officer: 'Millar Bownass', officerEmail: MILLAR, due: '?April 2023', theme: 'Actions to avoid Mental Health Crisis for those with ASD or ADHD' },
          { ref: '3.5.2', text: 'Pilot an app for CYP to use if they are experiencing a MH crisis targeting those on the Dynamic Support Register', officer: 'TBC', due: '', theme: 'Actions to avoid Mental Health Crisis for those with ASD or ADHD' },
          { ref: '3.5.3', text: 'Implement new guidance related to the Dynamic Support Register', officer: 'Dale Coleman', officerEmail: DALE, due: '', theme: 'Actions to avoid Mental Health Crisis for those with ASD or ADHD' },
          { ref: '3.5.4', text: 'Implement the Digital DSR', officer: 'Dale Coleman', officerEmail: DALE, due: '', theme: 'Actions to avoid Mental Health Crisis for those with ASD or ADHD' },
          { ref: '3.5.5', text: 'Deliver high-quality Care and Treatment Reviews with the individual at the heart', officer: 'Dale Coleman', officerEmail: DALE, due: '', theme: 'Actions to avoid Mental Health Crisis for those with ASD or ADHD' }
        ]
      },
      {
        number: '2',
        title: 'CYP who require a diagnostic assessment, easily access a high quality diagnostic assessment in a timely way',
        actions: [
          { ref: '3.6.1', text: 'Clear criteria and referral route for current ASD diagnostic pathway in place - 0-5', officer: 'ShropComm', due: 'In place', theme: 'Actions to ensure referrers know how to make good referrals which are accepted' },
          { ref: '3.6.2', text: 'Clear criteria and referral route for current ASD & ADHD diagnostic pathway in place - School age', officer: 'MPFT', due: '', theme: 'Actions to ensure referrers know how to make good referrals which are accepted' },
          { ref: '3.6.5', text: 'Redesign of referral form for 5 – 18 cohort', officer: 'MPFT', due: 'Apr-24', theme: 'Actions to ensure referrers know how to make good referrals which are accepted' },
          { ref: '3.7.1', text: 'Review communications which are sent out', officer: 'MPFT (Jessica Roose)', due: 'Beginning in March', theme: 'Actions to ensure communication from 5 – 18 diagnostic service is clear' },
          { ref: '3.7.3', text: 'Inform the community of changes resulting from the new BeeU Operational Framework', officer: 'MPFT', due: 'Apr-23', theme: 'Actions to ensure communication from 5 – 18 diagnostic service is clear' },
          { ref: '3.8.1', text: 'All referrals considered at MDT discussion (including ASD practitioners, OT, nurses, social workers, psychiatry, ADHD specialists, psychology, CBT)', officer: 'MPFT', due: 'In place', theme: 'Actions to avoid CYP going into crisis whilst waiting for diagnosis by implementing risk stratification' },
          { ref: '3.8.5', text: 'Enhance the risk stratification approach through additional funding from the LDA program', officer: 'Hillary McGlynn / MPFT', due: '', theme: 'Actions to avoid CYP going into crisis whilst waiting for diagnosis by implementing risk stratification' },
          { ref: '3.9.1', text: 'Commissioner understanding of current waiting times from referral treatment for ASD 0 - 5', officer: 'Millar Bownass', officerEmail: MILLAR, due: '', theme: 'Actions to ensure capacity of the diagnostic service meets the demands of the population' },
          { ref: '3.9.2', text: 'Commissioner understanding of current waiting times from referral treatment for ASD & ADHD 5 - 18', officer: 'Millar Bownass', officerEmail: MILLAR, due: '', theme: 'Actions to ensure capacity of the diagnostic service meets the demands of the population' },
          { ref: '3.10.1', text: 'Review ICS governance', officer: 'Claire Parker / Tracey Jones', due: '', theme: 'Actions to ensure escalation of long waits to ICS' },
          { ref: '3.10.4', text: 'Recruit to an enhanced LDA team structure', officer: 'Helen Southwell', due: '', theme: 'Actions to ensure escalation of long waits to ICS' }
        ]
      }
    ],
    kpis: []
  },
  {
    number: '5',
    title: 'Quality of EHC plans and Annual Reviews',
    inspectionFinding: 'The quality of EHC plans and the timeliness of annual reviews are not good enough.',
    leadEmail: EHCP_LEAD,
    outcomes: [
      {
        number: '1',
        title: 'Quality of EHC Plans',
        actions: [
          { ref: '5.1.1', text: 'Develop an inclusion framework which sets out expectations of the support that should be ordinarily available for CYP with SEND within mainstream settings', officer: 'Steve Laycock - PEP', officerEmail: STEVE, due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans', desiredImpact: 'Families and CYP tell us they have their special educational needs met in an appropriate and timely manner' },
          { ref: '5.1.2', text: 'Update EHCP quality standards and agree what a good quality plan looks like and devise/deliver a plan writing training programme for SEND Case Officers', officer: 'Fran Davis - SEND Team Manager', officerEmail: FRAN, due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans', desiredImpact: 'All EHCPs are judged good or outstanding when measured against agreed QA framework using the multi-agency audit tool.' },
          { ref: '5.1.3', text: 'Develop and implement quality standards for statutory advice, including education, education psychology, health and social care and roll out a workforce training programme for practitioners', officer: 'Steve Laycock - PEP; Sharon Graham - DSCO; Jen Griffin DCO', officerEmail: STEVE, due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.4', text: 'Review arrangements to ensure an assessment of social care need is completed and the early help offer is embedded as part of the EHC process', officer: 'Sharon Graham - DSCO', due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.5', text: 'Implement performance monitoring to ensure that EHCPs are finalised within 20 weeks', officer: 'Samantha Bradley - Performance and Integration Manager', due: 'Jul-23', theme: 'Actions to ensure improved quality of EHC plans', desiredImpact: 'Families and CYP receive a timely service' },
          { ref: '5.1.6', text: 'Explore and procure an on-line digital EHC system.', officer: 'Karen Levell - Service Manager SEND & Inclusion', officerEmail: EHCP_LEAD, due: 'Apr-24', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.7', text: 'Establish and embed a multi-disciplinary quality assurance process to monitor and improve the quality of new and amended EHC Plans', officer: 'Karen Levell - Service Manager SEND & Inclusion', officerEmail: EHCP_LEAD, due: 'Apr-23', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.8', text: 'Undertake monthly multi-disciplinary audits to ensure improved consistency of EHCPs', officer: 'Fran Davis - SEN Team Manager; Sharon Graham', officerEmail: FRAN, due: '', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.9', text: 'Review the SEND Team structure and develop a recruitment / retention strategy to ensure sufficient capacity to complete all statutory tasks.', officer: 'Karen Levell - Service Manager SEND & Inclusion', officerEmail: EHCP_LEAD, due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans' },
          { ref: '5.1.10', text: 'Review Staff recruitment and retention in EP Service.', officer: 'Steve Laycock - PEP', officerEmail: STEVE, due: 'Sep-23', theme: 'Actions to ensure improved quality of EHC plans' }
        ]
      },
      {
        number: '2',
        title: 'Timeliness and quality of annual reviews',
        actions: [
          { ref: '5.2.1', text: 'Develop and implement an annual review recovery plan to ensure all EHCPs written prior to December 2022 are up to date', officer: 'Fran Davis - SEND Team Manager', officerEmail: FRAN, due: 'Apr-23', theme: 'Actions to ensure improved timeliness and quality of annual reviews' },
          { ref: '5.2.2', text: 'SEND Team staffing to ensure sufficient capacity to update EHCPs following amendments agreed via annual review', officer: 'Karen Levell - SEND Service Manager', officerEmail: EHCP_LEAD, due: '', theme: 'Actions to ensure improved timeliness and quality of annual reviews' },
          { ref: '5.2.3', text: "Review the multi-agency EHCP review process and develop a clear workflow to ensure the decision to maintain/cease or amend an EHCP is made within 4 weeks of the annual review meeting and where appropriate amendments are made within statutory timescales and amended EHCP's meet the agreed quality standards", officer: '', due: '', theme: 'Actions to ensure improved timeliness and quality of annual reviews' },
          { ref: '5.2.4', text: 'Create a suite of co-produced annual review templates and guidance, including key phase transition and preparation for adulthood templates', officer: '', due: '', theme: 'Actions to ensure improved timeliness and quality of annual reviews' },
          { ref: '5.2.5', text: 'Create a multi-agency training plan to ensure all staff are aware and understand the local annual review processes', officer: '', due: '', theme: 'Actions to ensure improved timeliness and quality of annual reviews' }
        ]
      }
    ],
    kpis: [
      {
        ref: '5.1.2',
        title: 'EHC plans judged good or outstanding at audit',
        unit: '%',
        direction: 'higher',
        baselineText: 'Quality standards to be agreed and published on the Local Offer',
        milestones: [
          { label: '3 Month', monthsFromStart: 3, text: 'Quality standards will have been agreed and published on the Local Offer. EHCP QA checklist is in place and used by all SEND Case Officers to inform EHCP Plan writing' },
          { label: '6 Month', monthsFromStart: 6, text: '75% of good or outstanding plans at each audit point', target: 75 },
          { label: '12 Month', monthsFromStart: 12, text: '100% of good or outstanding plans at each audit point', target: 100 }
        ],
        actuals: [48, 52, 55, 61, 66, 70, 71, 74, 76, 79, 81],
        // Written after the December board: a report as at that board must not show it.
        progressNote: { text: 'December audit: 79% of plans good or outstanding. Joint moderation with health colleagues booked for February.', date: '2024-01-12' }
      },
      {
        ref: '5.1.4',
        title: 'Social care advice received within 6 weeks of the request',
        unit: '%',
        direction: 'higher',
        baselineText: 'Reviewed and amended the pathway for statutory advice requests for social care',
        milestones: [
          { label: '3 Month', monthsFromStart: 3, text: 'EHCNA Develop a pathway for social care involvement through Early help at EHCNA' },
          { label: '6 Month', monthsFromStart: 6, text: 'received 75% of social care advice within 6 weeks of the request being made (unless exceptions apply)', target: 75 }
        ],
        actuals: [40, 44, 51, 57, 60, 62, 61, 63, 66, 64, 67],
        progressNote: { text: 'November return: 66% of social care advice within 6 weeks. Early help pathway relaunched with the locality teams.', date: '2023-12-08' }
      },
      {
        ref: '5.1.5',
        title: 'EHCPs finalised within 20 weeks',
        unit: '%',
        direction: 'higher',
        baselineText: 'Review workflow process and performance reporting',
        baselineValue: 42,
        milestones: [
          { label: '3 Month', monthsFromStart: 3, text: 'On-going monthly reporting will show EHCP timeliness at 60%', target: 60 },
          { label: '6 Month', monthsFromStart: 6, text: 'On-going monthly reporting will show EHCP timeliness at 75%', target: 75 },
          { label: '12 Month', monthsFromStart: 12, text: 'On-going monthly reporting will show EHCP timeliness at 100%', target: 100 }
        ],
        actuals: [45, 51, 58, 63, 69, 72, 74, 78, 80, 83, 85],
        progressNote: { text: 'January return: 85% finalised within 20 weeks. Two case officer posts filled; the backlog is cleared.', date: '2024-02-20' }
      }
    ]
  }
];

/**
 * The plan's glossary of roles, as the plans name them in the "responsible" column,
 * and who holds each now (invented), so a role holder finds those actions as theirs.
 */
export const SAMPLE_ROLES: ReadonlyArray<{ title: string; abbreviation?: string; holderEmail: string }> = [
  { title: 'Commissioners', holderEmail: MILLAR },
  { title: 'LDA Program Lead', abbreviation: 'LDA', holderEmail: DALE },
  { title: 'SEN Team Manager', holderEmail: FRAN },
  { title: 'Principal Educational Psychologist', abbreviation: 'PEP', holderEmail: STEVE }
];

/**
 * Requests for updates already sent for the board of 31 March 2024, so the answer rate
 * shows: Fran Davis has answered all three; of Karen Levell's four (three have no
 * officer, so she was asked as lead), one is updated.
 */
export const SAMPLE_REQUESTS: ReadonlyArray<{ email: string; refs: string[]; sentAt: string; channel: 'graph' | 'mailLink' }> = [
  { email: FRAN, refs: ['5.1.2', '5.1.8', '5.2.1'], sentAt: '2024-02-20T09:30:00.000Z', channel: 'graph' },
  { email: EHCP_LEAD, refs: ['5.2.2', '5.2.3', '5.2.4', '5.2.5'], sentAt: '2024-02-27T14:05:00.000Z', channel: 'mailLink' }
];

/**
 * Updates submitted by their officers that await sign-off (the sample plan requires it):
 * two in priority 3 for Kathryn Morgan, one in priority 5 for Karen Levell. None is on
 * an action asked about above, so the answer rates stay as they are.
 */
export const SAMPLE_AWAITING_SIGN_OFF: ReadonlyArray<{ email: string; ref: string; status: string; note: string }> = [
  { email: ALISON, ref: '3.3.4', status: 'Amber', note: 'Advice line pilot starts in April, a month late: the clinical lead post is still being recruited.' },
  { email: MILLAR, ref: '3.9.1', status: 'Complete', note: 'Waiting-time analysis for ASD 0 to 5 finished and shared with the ND steering group.' },
  { email: STEVE, ref: '5.1.1', status: 'Green', note: 'Inclusion framework consultation closed; 42 schools responded and the final draft goes to the Schools Forum.' }
];
