/**
 * The task board at /board: columns by status, drag and drop, filters in the URL, and a card's
 * quick look (`?look=`). Its data starts from board-queries.ts (prefetchBoard).
 */
import { QuickLookHost } from '../../components/quick-look/quick-look.tsx';
import { BoardPage } from './board-page.tsx';

export function Component() {
  return (
    <QuickLookHost>
      <BoardPage />
    </QuickLookHost>
  );
}
