/**
 * Status schemes in words: a preset's name and its labels' explanations (the product's
 * words, so in loc, keyed by preset id and label key), and what is wrong with a scheme or
 * a status as written. A custom scheme's explanations are the plan's own and shown as it
 * wrote them.
 */
import * as strings from 'ImprovementPlanWebPartStrings';
import { BRAGG_SCHEME, DELIVERY_CONFIDENCE_SCHEME, IStatusLabel, IStatusScheme, RAGC_SCHEME, StatusSchemeProblem, WORDED_SCHEME, labelForKey } from '../model/statusSchemes';
import { formatString } from './format';

interface IPresetWords {
  name: string;
  /** Each label's explanation, by label key. */
  descriptions: Readonly<Record<string, string>>;
}

const PRESET_WORDS: Readonly<Record<string, IPresetWords>> = {
  [RAGC_SCHEME.id]: {
    name: strings.PresetRagc,
    descriptions: { Red: strings.PresetRagcRed, Amber: strings.PresetRagcAmber, Green: strings.PresetRagcGreen, Complete: strings.PresetRagcComplete }
  },
  [BRAGG_SCHEME.id]: {
    name: strings.PresetBragg,
    descriptions: { Blue: strings.PresetBraggBlue, Red: strings.PresetBraggRed, Amber: strings.PresetBraggAmber, Green: strings.PresetBraggGreen, Grey: strings.PresetBraggGrey }
  },
  [WORDED_SCHEME.id]: {
    name: strings.PresetWorded,
    descriptions: {
      'Not due yet': strings.PresetWordedNotDue,
      'On track no concerns': strings.PresetWordedNoConcerns,
      'On track some concerns': strings.PresetWordedSomeConcerns,
      'Off track': strings.PresetWordedOffTrack,
      'Completed embedded sustained': strings.PresetWordedEmbedded
    }
  },
  [DELIVERY_CONFIDENCE_SCHEME.id]: {
    name: strings.PresetConfidence,
    descriptions: {
      Green: strings.PresetConfidenceGreen,
      'Amber/Green': strings.PresetConfidenceAmberGreen,
      Amber: strings.PresetConfidenceAmber,
      'Amber/Red': strings.PresetConfidenceAmberRed,
      Red: strings.PresetConfidenceRed
    }
  }
};

/** The scheme's name as a plan officer chooses it: a preset's from loc; any other is the plan's custom scheme. */
export function schemeName(scheme: IStatusScheme): string {
  return PRESET_WORDS[scheme.id]?.name ?? strings.SchemeCustom;
}

/** What a label means, for its pill's tooltip: the plan's own words, else the preset's. */
export function statusDescription(scheme: IStatusScheme, label: IStatusLabel): string {
  return label.description || PRESET_WORDS[scheme.id]?.descriptions[label.key] || label.label;
}

/** The label stored under `key` with its explanation in words: what a status pill shows. */
export function statusLabel(scheme: IStatusScheme, key: string | undefined): IStatusLabel | undefined {
  const label = labelForKey(scheme, key);
  return label && { ...label, description: statusDescription(scheme, label) };
}

/** What is wrong with a status as written, or with a custom scheme, in words. */
export function statusSchemeProblemText(problem: StatusSchemeProblem): string {
  switch (problem.code) {
    case 'noStatus':
      return strings.SchemeProblem_noStatus;
    case 'notInScheme':
      return formatString(strings.SchemeProblem_notInScheme, problem.written, problem.accepted.join(', '));
    case 'noLabels':
      return strings.SchemeProblem_noLabels;
    case 'labelBlank':
      return formatString(strings.SchemeProblem_labelBlank, problem.position);
    case 'meaningUnknown':
      return formatString(strings.SchemeProblem_meaningUnknown, problem.label);
    case 'spellingShared':
      return formatString(strings.SchemeProblem_spellingShared, problem.written, problem.first, problem.second);
    case 'lineNotLabel':
      return formatString(strings.SchemeProblem_lineNotLabel, problem.line);
    case 'lineNotMeaning':
      return formatString(strings.SchemeProblem_lineNotMeaning, problem.line, problem.written, problem.meanings.join(', '));
  }
}
