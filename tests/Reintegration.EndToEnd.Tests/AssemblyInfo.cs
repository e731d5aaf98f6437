[assembly: AssemblyFixture(typeof(Reintegration.Testing.LocalHostFixture))]
