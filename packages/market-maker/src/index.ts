export { MarketMaker, type MarketMakerOptions } from "./market-maker";
