import { type ApiUser, isAllowed, type ResourceKind } from "@tt/contract";
import type { FormSpec } from "./form-model";
import { passengerForm } from "./forms/passenger-form";
import { placeForm } from "./forms/place-form";
import { tripRequestForm } from "./forms/trip-request-form";
import { vehicleForm } from "./forms/vehicle-form";
import type { RegisterViewKey } from "./register-views";

/** The add and edit forms of each register page, by its URL segment. */
export const REGISTER_FORMS: Record<RegisterViewKey, FormSpec<ResourceKind>> = {
  passengers: passengerForm as unknown as FormSpec<ResourceKind>,
  places: placeForm as unknown as FormSpec<ResourceKind>,
  vehicles: vehicleForm as unknown as FormSpec<ResourceKind>,
  "trip-requests": tripRequestForm as unknown as FormSpec<ResourceKind>,
};

/**
 * Whether the role may add and edit rows of this register: the server's own grants (the URL
 * segments are the grants' resource names). The API checks every request again.
 */
export function canWrite(role: ApiUser["role"], key: RegisterViewKey): boolean {
  return isAllowed(role, key, "write");
}

/** "Passenger added", "Trip request updated": the banner over the table after a save. */
export function savedMessage(singular: string, edited: boolean): string {
  return `${singular.charAt(0).toUpperCase()}${singular.slice(1)} ${edited ? "updated" : "added"}`;
}
