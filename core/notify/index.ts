export { beijingTime, keywordKind, keywordValue, KEYWORD_KINDS, type KeywordKind, type KeywordValue } from './keywordValues'
export {
  buildMessageData,
  MESSAGE_FIELDS,
  orderPage,
  type MessageData,
  type MessageFacts,
  type MessageField,
  type NotifyTemplate,
} from './messageData'
export { deriveNotify, emptyNotify, NOTIFY_EVENTS, notifyEventOf, type NotifyEvent, type ParcelNotify } from './notifyEvents'
export {
  CONSENT_RESULTS,
  notificationConsentInput,
  type ConsentCredit,
  type ConsentResult,
  type ConsentTemplate,
  type NotificationConsentInput,
  type RecordConsentResult,
  type TemplatesResult,
} from './consent'
export { consentPlan, MAX_TEMPLATES_PER_REQUEST, type ConsentPlan, type SubscriptionsSetting } from './consentRequest'
