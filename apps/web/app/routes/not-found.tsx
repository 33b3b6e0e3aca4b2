import { data, Link } from "react-router";
import type { Route } from "./+types/not-found";

export const meta: Route.MetaFunction = () => [{ title: "Page not found · CryptoTrade" }];

/** Every address no other route takes: a real 404 status with a way back. */
export function loader() {
  return data(null, 404);
}

export function action() {
  return data(null, 404);
}

export default function NotFound() {
  return (
    <section className="py-10">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <ul className="mt-4 list-inside list-disc text-sm">
        <li>
          <Link to="/" className="text-accent underline">
            See every market
          </Link>
        </li>
        <li>
          <Link to="/trade/BTC-USDT" className="text-accent underline">
            Trade BTC-USDT
          </Link>
        </li>
      </ul>
    </section>
  );
}
