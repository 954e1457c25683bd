/** The look of the search page's text links (its buttons and fields come from src/components/ui). */
export const LINK = 'font-medium text-blue-800 underline hover:text-blue-950';
