import { Link } from 'react-router-dom';
import { Button, Result } from 'antd';

/** What a page could not find, and the way back to where one can look for it. */
export function NotFoundResult({ title, subTitle, backTo, backText }: { title: string; subTitle?: string; backTo: string; backText: string }) {
  return (
    <Result
      status="404"
      title={title}
      subTitle={subTitle}
      extra={
        <Link to={backTo}>
          <Button type="primary">{backText}</Button>
        </Link>
      }
    />
  );
}
