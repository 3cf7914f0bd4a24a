// Injection token of the validated app config (tests override it with their own).
export const APP_CONFIG = Symbol('APP_CONFIG');
