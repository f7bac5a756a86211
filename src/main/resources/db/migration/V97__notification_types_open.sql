-- The list of notification types lives in one place, the Java enum NotificationType. Each module that adds a type
-- used to redefine this check with the full list, so two modules adding types at the same time silently dropped
-- each other's. The check now only guards the shape of the name.
alter table notifications drop constraint notifications_type_check;
alter table notifications add constraint notifications_type_check check (type ~ '^[A-Z][A-Z_]{2,59}$');
