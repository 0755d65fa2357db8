using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.DependencyInjection;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Auth;
using Rsspot.Emulator.Diagnostics;
using Rsspot.Emulator.Faults;

namespace Rsspot.Emulator.Hosting;

/// <summary>Builds the web app: Kestrel on 127.0.0.1, the middleware chain, the contract controllers and the admin endpoints.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(EmulatorServices services)
    {
        // The empty builder reads no environment variables or appsettings, so ASPNETCORE_URLS and friends
        // cannot move the emulator off loopback.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, services.Options.Port);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(services.KubePaths.Certificate));
        });
        builder.Services.AddLogging();
        builder.Services.AddRouting();
        services.Register(builder.Services);
        builder.Services.AddSingleton<BearerAuthenticationFilter>();
        builder.Services.AddSingleton<Controllers.NamespacedHandler>();
        builder.Services
            .AddControllers(mvc =>
            {
                mvc.Conventions.Add(new ContractBodyConvention());
                mvc.Filters.AddService<BearerAuthenticationFilter>();
            })
            .ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                parts.ApplicationParts.Add(new AssemblyPart(typeof(EmulatorApplication).Assembly));
                foreach (var provider in parts.FeatureProviders.OfType<ControllerFeatureProvider>().ToList())
                {
                    parts.FeatureProviders.Remove(provider);
                }

                parts.FeatureProviders.Add(new EmulatorControllerProvider());
            });

        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseRouting();
        app.MapControllers();
        AdminEndpoints.Map(app);
        Kube.KubeApiEndpoints.Map(app);
        app.MapFallback(context => KubeStatus.NotFoundPath(context.Request.Path).WriteAsync(context));
        return app;
    }
}
