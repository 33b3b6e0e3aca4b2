import { index, type RouteConfig, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("trade/:symbol", "routes/trade.$symbol.tsx"),
  route("signup", "routes/signup.tsx"),
  route("login", "routes/login.tsx"),
  route("login/2fa", "routes/login.2fa.tsx"),
  route("logout", "routes/logout.tsx"),
  route("theme", "routes/theme.tsx"),
  route("language", "routes/language.tsx"),
  route("portfolio", "routes/portfolio.tsx"),
  route("wallet", "routes/wallet.tsx"),
  route("wallet/export.csv", "routes/wallet.export.tsx"),
  route("orders", "routes/orders.tsx"),
  route("orders/export.csv", "routes/orders.export.tsx"),
  route("account", "routes/account.tsx"),
  route("alerts", "routes/alerts.tsx"),
  route("admin", "routes/admin.tsx", [
    index("routes/admin._index.tsx"),
    route("withdrawals", "routes/admin.withdrawals.tsx"),
    route("users", "routes/admin.users.tsx"),
    route("audit", "routes/admin.audit.tsx"),
  ]),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
