import account from "./account.json";
import admin from "./admin.json";
import auth from "./auth.json";
import charts from "./charts.json";
import common from "./common.json";
import errors from "./errors.json";
import markets from "./markets.json";
import orders from "./orders.json";
import portfolio from "./portfolio.json";
import trade from "./trade.json";
import wallet from "./wallet.json";

/** Every namespace of this language, loaded as one chunk (app/lib/i18n/resources.ts). */
export const strings = {
  common,
  auth,
  errors,
  wallet,
  account,
  portfolio,
  admin,
  trade,
  orders,
  markets,
  charts,
};
