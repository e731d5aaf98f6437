using Reintegration.ServiceBusStandIn.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(StandInFixture))]
