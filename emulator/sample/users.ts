/**
 * The sample site's people: who a newcomer can view the product as. Names are
 * invented; roles match those the sample plan names.
 */
import { ISiteUser } from '../store';

export type SampleUser = Omit<ISiteUser, 'id'> & { role: string };

function person(title: string, email: string, level: ISiteUser['level'], role: string): SampleUser {
  return { loginName: `i:0#.f|membership|${email}`, title, email, level, role };
}

export const SITE_OWNER = person('Sam Owner', 'sam.owner@send.example', 'full', 'Site owner and plan officer');
export const EXECUTIVE = person('Alex Director', 'alex.director@send.example', 'read', 'Executive Director of People (reads the board summary)');
export const ND_LEAD = person('Kathryn Morgan', 'kathryn.morgan@send.example', 'contribute', 'Workstream lead, ND pathways (priority 3)');
export const EHCP_LEAD = person('Karen Levell', 'karen.levell@send.example', 'contribute', 'Workstream lead, EHC plans (priority 5)');
export const OFFICERS = [
  person('Millar Bownass', 'millar.bownass@send.example', 'contribute', 'Commissioner, responsible officer'),
  person('Alison Parkinson', 'alison.parkinson@send.example', 'contribute', 'CDC lead, responsible officer'),
  person('Dale Coleman', 'dale.coleman@send.example', 'contribute', 'DSR lead, responsible officer'),
  person('Fran Davis', 'fran.davis@send.example', 'contribute', 'SEN Team Manager, responsible officer'),
  person('Steve Laycock', 'steve.laycock@send.example', 'contribute', 'Principal Educational Psychologist, responsible officer')
];

export const SAMPLE_USERS: readonly SampleUser[] = [SITE_OWNER, EXECUTIVE, ND_LEAD, EHCP_LEAD, ...OFFICERS];
