[assembly: AssemblyFixture(typeof(Reintegration.Testing.StandInsFixture))]
