import * as React from 'react';
import { DatePicker, Dropdown, IDatePickerStrings, Stack, defaultDatePickerStrings } from '@fluentui/react';
import * as strings from 'ImprovementPlanWebPartStrings';
import { IsoDate, todayIso } from '../../model/isoDate';
import { parsePlanDate } from '../../model/planDates';
import { formatDate, formatString } from '../format';
import { useCulture } from '../culture';

export interface IReportDateChoiceProps {
  /** The plan's board dates up to today, ascending. */
  boardDates: readonly IsoDate[];
  /** Board dates with a frozen pack, named as such. */
  frozenDates?: ReadonlySet<IsoDate>;
  today: IsoDate;
  asAt: IsoDate;
  onChange: (date: IsoDate) => void;
}

const TODAY = 'today';
const OTHER = 'other';

function toDate(value: IsoDate): Date {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
}

const PICKER_STRINGS: IDatePickerStrings = {
  ...defaultDatePickerStrings,
  invalidInputErrorMessage: strings.ReportOtherDateInvalid,
  isOutOfBoundsErrorMessage: strings.ReportOtherDateFuture
};

/**
 * The date the report stands at: any board date up to today, today, or any other date
 * up to today, picked from a calendar or typed ("31/12/2023", "Dec 2023") with the
 * keyboard alone.
 */
export function ReportDateChoice({ boardDates, frozenDates, today, asAt, onChange }: IReportDateChoiceProps): JSX.Element {
  const culture = useCulture();
  const [choice, setChoice] = React.useState<string>(() => (boardDates.indexOf(asAt) >= 0 ? asAt : asAt === today ? TODAY : OTHER));
  // A board opened from elsewhere (the list of frozen packs) shows as chosen.
  React.useEffect(() => {
    if (boardDates.indexOf(asAt) >= 0) setChoice(asAt);
  }, [boardDates, asAt]);
  const options = [
    ...boardDates.map((date) => ({ key: date, text: frozenDates?.has(date) ? formatString(strings.ReportDateFrozen, formatDate(date, date, culture)) : formatDate(date, date, culture) })),
    { key: TODAY, text: formatString(strings.ReportDateToday, formatDate(today, today, culture)) },
    { key: OTHER, text: strings.ReportDateOther }
  ];
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }} verticalAlign="end">
      <Dropdown
        label={strings.ReportDateLabel}
        options={options}
        selectedKey={choice}
        onChange={(_, option) => {
          if (!option) return;
          const key = String(option.key);
          setChoice(key);
          if (key === TODAY) onChange(today);
          else if (key !== OTHER) onChange(key);
        }}
        styles={{ root: { width: 240 } }}
      />
      {choice === OTHER && (
        <DatePicker
          label={strings.ReportOtherDateLabel}
          placeholder={strings.ReportOtherDatePlaceholder}
          ariaLabel={strings.ReportOtherDateLabel}
          allowTextInput
          value={toDate(asAt)}
          maxDate={toDate(today)}
          formatDate={(date) => (date ? formatDate(todayIso(date), '', culture) : '')}
          parseDateFromString={(text) => {
            const parsed = parsePlanDate(text).date;
            return parsed ? toDate(parsed) : null;
          }}
          onSelectDate={(date) => date && onChange(todayIso(date) > today ? today : todayIso(date))}
          strings={PICKER_STRINGS}
          firstDayOfWeek={1}
          styles={{ root: { width: 240 } }}
        />
      )}
    </Stack>
  );
}
