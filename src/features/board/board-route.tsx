/** The task board at /board: columns by status, drag and drop, filters in the URL. Its data starts from board-queries.ts (prefetchBoard). */
import { BoardPage } from './board-page.tsx';

export const Component = BoardPage;
