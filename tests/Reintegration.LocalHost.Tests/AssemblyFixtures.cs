using Reintegration.LocalHost.Tests;
using Reintegration.Testing;

// One set of stand-ins for this test process, and one host serving the sample functions (one host only, so
// no two hosts compete for the sample queues).
[assembly: AssemblyFixture(typeof(StandInsFixture))]
[assembly: AssemblyFixture(typeof(SampleHostFixture))]
