// Service Bus (Standard: topics need it), keys disabled. One topic for notifications with
// duplicate detection (message ids carry the day, so one day's window catches every repeat),
// and one subscription per recipient, each with a single SQL rule "route" on an application
// property the app sets (ServiceBusNotificationPublisher):
//   per partner organisation    partnerId = '<id>'
//   per referring organisation  organisationId = '<id>'   (escalations to its caseworkers)
//   coordination                kind = 'Escalation'        (every escalation)
// The same shape as the local stand-in's entities (tools/Reintegration.LocalHost/StandIns/NotificationEntities.cs).

@description('Name of the namespace (6-50 letters, digits and hyphens).')
@minLength(6)
@maxLength(50)
param name string

@description('Region of the namespace.')
param location string

@description('Tags for the namespace.')
param tags object = {}

@description('The notification topic (ServiceBus:NotificationTopic).')
param topicName string = 'partner-notifications'

@description('Ids of the partner organisations: one subscription each, filtered on partnerId.')
param partnerOrganisationIds string[] = []

@description('Ids of the referring organisations: one subscription each, filtered on organisationId.')
param referringOrganisationIds string[] = []

@description('Name of the coordinators\' subscription (every escalation).')
param coordinatorSubscriptionName string = 'coordination'

@description('Resource id of the Log Analytics workspace that receives the namespace\'s logs and metrics.')
param logAnalyticsWorkspaceId string

// A quote in an id is doubled, as SQL filter literals want it.
var subscriptions = concat(
  map(partnerOrganisationIds, id => {
    name: id
    sqlExpression: 'partnerId = \'${replace(id, '\'', '\'\'')}\''
  }),
  map(referringOrganisationIds, id => {
    name: id
    sqlExpression: 'organisationId = \'${replace(id, '\'', '\'\'')}\''
  }),
  [
    {
      name: coordinatorSubscriptionName
      sqlExpression: 'kind = \'Escalation\''
    }
  ]
)

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    defaultMessageTimeToLive: 'P14D'
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'P1D'
  }
}

resource topicSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = [
  for subscription in subscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      deadLetteringOnMessageExpiration: true
      defaultMessageTimeToLive: 'P14D'
      lockDuration: 'PT1M'
      maxDeliveryCount: 10
      requiresSession: false
    }
  }
]

// A subscription starts with an implicit $Default (1=1) rule; Resource Manager removes it when
// the first rule is created through it, so each subscription ends with "route" only. Between the
// two steps a new subscription can briefly match everything (see infra/README.md).
resource routeRules 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2026-01-01' = [
  for (subscription, i) in subscriptions: {
    parent: topicSubscriptions[i]
    name: 'route'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: subscription.sqlExpression
      }
    }
  }
]

// Operational logs (entity changes) and every metric, DeadletteredMessages among them (an alert rule watches it).
// 2021-05-01-preview: the only non-preview version, 2016-09-01, is of the old shape (no workspace, no categories).
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'OperationalLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Resource id of the namespace.')
output id string = namespace.id

@description('Host name of the namespace, e.g. NAME.servicebus.windows.net (ServiceBus:FullyQualifiedNamespace).')
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]

@description('Name of the notification topic.')
output topicName string = topic.name

@description('Names of the subscriptions made.')
output subscriptionNames string[] = [for subscription in subscriptions: subscription.name]
