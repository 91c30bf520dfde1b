import { Dialog, DialogActions } from '../components/Dialog';

interface Props {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger, onCancel, onConfirm }: Props) {
  return (
    <Dialog title={title} onClose={onCancel} footer={<DialogActions onCancel={onCancel} onOk={onConfirm} okLabel={confirmLabel} danger={danger} />}>
      <p>{message}</p>
    </Dialog>
  );
}
