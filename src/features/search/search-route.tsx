/** The search page at /search, and a result's quick look (`?look=`). */
import { QuickLookHost } from '../../components/quick-look/quick-look.tsx';
import { SearchPage } from './search-page.tsx';

export function Component() {
  return (
    <QuickLookHost>
      <SearchPage />
    </QuickLookHost>
  );
}
