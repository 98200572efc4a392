export {
  type DispatchCounts,
  type DispatcherOptions,
  MessageDispatcher,
  type OptOutLinks,
} from "./dispatcher";
export { noticesDue, pickupTimesOf, queuePlanNotices, queueTripNotices } from "./notices";
export {
  MAX_MESSAGE_DAYS,
  MESSAGES_LISTED,
  type MessageCounts,
  type MessageView,
  NotificationService,
  type NotificationUnitOfWork,
} from "./notification-service";
