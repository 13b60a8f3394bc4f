import { Alert, Button, Modal } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  width?: number;
  submitting: boolean;
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  okText?: string;
  danger?: boolean;
  /** data-testids of the submit button, the error alert and (optionally) the cancel button. */
  testIds: { submit: string; error: string; cancel?: string };
  children: ReactNode;
}

/** A modal holding one form: cancel / submit footer and the submit's error above the content. */
export function FormModal({
  title,
  width = 600,
  submitting,
  error,
  onSubmit,
  onClose,
  okText = '确定',
  danger,
  testIds,
  children,
}: Props) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      maskClosable={false}
      width={width}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting} data-testid={testIds.cancel}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={danger}
          loading={submitting}
          onClick={onSubmit}
          data-testid={testIds.submit}
        >
          {okText}
        </Button>,
      ]}
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={testIds.error} />
      )}
      {children}
    </Modal>
  );
}
