import dayjs from 'dayjs';

/** Today as a local date (YYYY-MM-DD), the form the knowledge base stores its dates in. */
export const today = () => dayjs().format('YYYY-MM-DD');

/** True when a review date (YYYY-MM-DD) has passed. */
export const isPast = (date: string | null | undefined) => Boolean(date && date < today());
