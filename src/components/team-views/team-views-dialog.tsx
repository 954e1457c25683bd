/**
 * The team's views in a dialog (the board's "Team views" and "Share these filters with the
 * team"). Loaded on demand: the board's first visit does not carry it.
 */
import { useId } from 'react';
import { Modal } from '../modal/modal.tsx';
import { TeamViewsPanel, type TeamViewsPanelProps } from './team-views-panel.tsx';
import { Button } from '../ui/button.tsx';

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
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    </Modal>
  );
}
