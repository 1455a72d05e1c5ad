import { useLocation, useNavigate } from 'react-router';

/**
 * Returns to the previous screen when there is one in this session's history, so a form
 * opened from a page and closed again leaves no duplicate entry behind; otherwise goes
 * to `fallback` (e.g. a form opened straight from Spotlight on a fresh start).
 */
export function useGoBack(fallback: string) {
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    if (location.key !== 'default') navigate(-1);
    else navigate(fallback, { replace: true });
  };
}
