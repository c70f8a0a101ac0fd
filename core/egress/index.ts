export { checkEgress, checkRedirect, checkResolvedAddress, isPrivateAddress } from "./check-egress";
export type {
  AddressDecision,
  EgressDecision,
  EgressOptions,
  EgressRefusalCode,
} from "./check-egress";
export type { AddressCategory } from "./address-policy";
