/**
 * The team's views in a dialog (the board's "Team views" and "Share these filters with the
 * team"). Loaded on demand: the board's first visit does not carry it.
 */
import { useId } from 'react';
import { Modal } from '../modal/modal.tsx';
import { TeamViewsPanel, type TeamViewsPanelProps } from './team-views-panel.tsx';

export interface TeamViewsDialogProps extends Omit<TeamViewsPanelProps, 'headingId' | 'onOpen'> {
  onClose: () => void;
}

export function TeamViewsDialog({ onClose, ...panel }: TeamViewsDialogProps) {
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onRequestClose={onClose} className="w-[34rem] max-w-[calc(100vw-2rem)]">
      <div className="p-5">
        <TeamViewsPanel {...panel} headingId={`${id}-title`} onOpen={onClose} />
        <div className="mt-4 flex justify-end">
          <button
            type="button"
            onClick={onClose}
            className="rounded border border-slate-400 px-4 py-1.5 text-sm font-medium hover:bg-slate-100"
          >
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
