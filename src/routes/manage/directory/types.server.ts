// The service types as the entry form lists them.
import { SERVICE_TYPES, serviceTypeKey } from '$lib/directory/types';

export const typeOptions = () => SERVICE_TYPES.map((code) => ({ code, key: serviceTypeKey(code) }));
