export { loadMarkets, type MarketInfo } from "./markets";
