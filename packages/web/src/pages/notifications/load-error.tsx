import { Alert, Button } from 'antd';
import { errorMessage } from '../../api/client';

/** The banner of a list that failed to load, with a retry. */
export function LoadError({ title, error, reload }: { title: string; error: unknown; reload: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorMessage(error)}
      action={<Button onClick={reload}>重试</Button>}
      data-testid="notifications-load-error"
    />
  );
}
