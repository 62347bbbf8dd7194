/** A shop's code in a path or query: letters, digits, - and _. */
export const SHOP_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
