// Alert rules that show work getting stuck (docs/decisions/0016): messages in a poison queue, dead-lettered
// notifications, a rate of 5xx answers, and a deadline job that stopped running. Log alerts query the Log
// Analytics workspace, where the diagnostic settings and the workspace-based Application Insights write.

@description('Prefix of the rule names, e.g. the resource token.')
param namePrefix string

@description('Region of the log alert rules (the workspace\'s).')
param location string

@description('Tags for every rule.')
param tags object = {}

@description('Resource id of the Log Analytics workspace the log alerts query.')
param logAnalyticsWorkspaceId string

@description('Resource id of the Service Bus namespace (metric DeadletteredMessages).')
param serviceBusNamespaceId string

@description('E-mail addresses told of an alert. Empty: the alerts show in the portal only.')
param alertEmailAddresses string[] = []

@description('Percentage of 5xx answers over 15 minutes that raises the alert.')
@minValue(1)
@maxValue(100)
param serverErrorPercent int = 5

@description('Fewest requests in 15 minutes for the 5xx rate to count (a single failure of a quiet hour is no rate).')
@minValue(1)
param serverErrorMinimumRequests int = 20

@description('How long without a run of the deadline job raises the alert (ISO 8601, at least twice its schedule; the default suits the hourly job).')
param deadlineJobSilence string = 'PT2H'

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmailAddresses)) {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'reintegrate'
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'email-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

var actionGroups = empty(alertEmailAddresses) ? [] : [actionGroup.id]

// Each rule: a KQL query whose rows are the finding; the rule fires when the count crosses the threshold.
var logAlerts = [
  {
    name: 'poison-queue'
    description: 'A work queue message failed every attempt and sits in a -poison queue: its case\'s scheduling or delivery is stuck.'
    severity: 2
    frequency: 'PT15M'
    window: 'PT15M'
    query: 'union isfuzzy=true (StorageQueueLogs | where OperationName == "PutMessage" and ObjectKey contains "-poison"), (AppMetrics | where Name == "reintegration.queue.poison_messages")'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'server-errors'
    description: 'More than ${serverErrorPercent}% of the API\'s answers in 15 minutes were 5xx. Each problem answer carries its traceId: search AppRequests and AppTraces by OperationId.'
    severity: 1
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'AppRequests | summarize Total = count(), Failed = countif(toint(ResultCode) >= 500) | where Total >= ${serverErrorMinimumRequests} and 100.0 * Failed / Total > ${serverErrorPercent}'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'deadline-job-silent'
    description: 'The deadline job recorded no run for ${deadlineJobSilence}: reminders, overdue alerts and escalations are not being raised.'
    severity: 1
    frequency: 'PT1H'
    window: deadlineJobSilence
    query: 'AppMetrics | where Name == "reintegration.deadline_job.runs"'
    operator: 'LessThan'
    threshold: 1
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in logAlerts: {
    name: 'alert-${rule.name}-${namePrefix}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'Reintegration: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        logAnalyticsWorkspaceId
      ]
      evaluationFrequency: rule.frequency
      windowSize: rule.window
      // The tables appear with their first rows (a new deployment has none yet).
      skipQueryValidation: true
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: 'Count'
            operator: rule.operator
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: actionGroups
      }
    }
  }
]

resource deadLetters 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: 'alert-dead-letters-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    description: 'A notification was dead-lettered on a subscription (expired unread, or refused by the recipient\'s system 10 times).'
    severity: 2
    enabled: true
    scopes: [
      serviceBusNamespaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'dead-lettered'
          metricNamespace: 'Microsoft.ServiceBus/namespaces'
          metricName: 'DeadletteredMessages'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Maximum'
        }
      ]
    }
    actions: [
      for group in actionGroups: {
        actionGroupId: group
      }
    ]
  }
}

@description('Names of the alert rules.')
output ruleNames string[] = concat(map(logAlerts, rule => 'alert-${rule.name}-${namePrefix}'), [deadLetters.name])
