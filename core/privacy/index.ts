export { maskPhones } from './maskPhones'
export { extractCourier, type CourierContact } from './extractCourier'
