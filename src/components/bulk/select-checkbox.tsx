/**
 * A task's "Select <name>" checkbox, for a board card or a result row. A Shift-click selects the
 * range from the last task toggled in the same list. `reveal`: shown only on hover and focus
 * while nothing is selected (the board's cards), always once something is.
 */
import { useSelected, useToggleSelected } from './selection-store.ts';

interface Props {
  id: string;
  name: string;
  tabIndex?: number;
  reveal?: boolean;
  /** Where it goes (e.g. its position on a card). */
  className?: string;
}

export function SelectCheckbox({ id, name, tabIndex, reveal = false, className = '' }: Props) {
  const { selected, selecting } = useSelected(id);
  const toggle = useToggleSelected();
  const hidden = reveal && !selecting ? 'opacity-0 focus:opacity-100 group-hover:opacity-100 group-focus-within:opacity-100' : '';
  return (
    <input
      type="checkbox"
      aria-label={`Select ${name}`}
      checked={selected}
      tabIndex={tabIndex}
      // The click (a mouse click or Space) says whether Shift was held; the change event does not.
      onClick={(e) => toggle({ id, name }, e.shiftKey)}
      className={`size-4 cursor-pointer accent-blue-700 ${hidden} ${className}`}
    />
  );
}
