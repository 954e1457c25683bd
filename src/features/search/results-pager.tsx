import { useId } from 'react';
import { PAGE_SIZES, type PageSize } from './search-fields.ts';
import { formatCount, pageCount } from './paging.ts';
import { Button } from '../../components/ui/button.tsx';
import { controlClass } from '../../components/ui/field.tsx';

interface Props {
  page: number;
  pageSize: PageSize;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: PageSize) => void;
}

/** Page size and Previous / Next; the page sizes the API pages by (`limit`). */
export function ResultsPager({ page, pageSize, total, onPage, onPageSize }: Props) {
  const id = useId();
  const pages = pageCount(total, pageSize);
  return (
    <nav aria-label="Result pages" className="flex flex-wrap items-center gap-3 text-sm">
      <span className="flex items-center gap-1">
        <label htmlFor={id}>Rows per page</label>
        <select id={id} className={controlClass('sm')} value={pageSize} onChange={(e) => onPageSize(Number(e.target.value) as PageSize)}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </span>
      <Button variant="secondary" size="sm" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous page
      </Button>
      <span>
        Page {formatCount(page + 1)} of {formatCount(pages)}
      </span>
      <Button variant="secondary" size="sm" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </Button>
    </nav>
  );
}
