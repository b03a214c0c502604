using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

namespace AlibabaEcsActivation.Tests.PublicApi;

/// <summary>
/// Renders an assembly's public surface as sorted text, one line per type and member, so that a
/// change to it shows up as a diff of api/*.txt in review.
/// </summary>
public static class PublicApiFormatter
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Format(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(TypeHeader(type)).Append('\n');
            foreach (string member in Members(type).OrderBy(m => m, StringComparer.Ordinal))
            {
                builder.Append("  ").Append(member).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string TypeHeader(Type type)
    {
        string kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : type.IsValueType ? "struct"
            : type.IsAbstract && type.IsSealed ? "static class" : type.IsSealed ? "sealed class" : type.IsAbstract ? "abstract class" : "class";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            bases.Add(Name(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        return $"{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var ctor in type.GetConstructors(Declared).Where(c => c.IsPublic || c.IsFamily))
        {
            yield return $"{Access(ctor)}ctor({Parameters(ctor)})";
        }

        foreach (var method in type.GetMethods(Declared).Where(m => (m.IsPublic || m.IsFamily) && !m.IsSpecialName))
        {
            yield return $"{Access(method)}{Modifiers(method)}{Name(method.ReturnType)} {method.Name}{GenericArguments(method)}({Parameters(method)})";
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var getter = property.GetMethod is { } g && (g.IsPublic || g.IsFamily) ? g : null;
            var setter = property.SetMethod is { } s && (s.IsPublic || s.IsFamily) ? s : null;
            if (getter is null && setter is null)
            {
                continue;
            }

            bool init = setter?.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit") == true;
            string accessors = (getter is null ? string.Empty : "get; ") + (setter is null ? string.Empty : init ? "init; " : "set; ");
            yield return $"{Modifiers((getter ?? setter)!)}{Name(property.PropertyType)} {property.Name} {{ {accessors}}}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => f.IsPublic || f.IsFamily))
        {
            string value = field.IsLiteral ? " = " + field.GetRawConstantValue() : string.Empty;
            yield return $"{(field.IsLiteral ? "const " : field.IsStatic ? "static " : string.Empty)}{Name(field.FieldType)} {field.Name}{value}";
        }

        foreach (var e in type.GetEvents(Declared))
        {
            yield return $"event {Name(e.EventHandlerType!)} {e.Name}";
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            yield return "nested " + TypeHeader(nested);
        }
    }

    private static string Access(MethodBase method) => method.IsFamily ? "protected " : string.Empty;

    private static string Modifiers(MethodInfo method) =>
        (method.IsStatic ? "static " : string.Empty)
        + (method.IsAbstract && !method.DeclaringType!.IsInterface ? "abstract " : string.Empty)
        + (method.IsVirtual && !method.IsAbstract && !method.IsFinal && method.GetBaseDefinition() == method ? "virtual " : string.Empty)
        + (method.GetBaseDefinition() != method ? "override " : string.Empty);

    private static string GenericArguments(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty)
        + (p.GetCustomAttributes(typeof(ParamArrayAttribute), false).Length > 0 ? "params " : string.Empty)
        + Name(p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType) + " " + p.Name
        + (p.HasDefaultValue ? " = " + (p.DefaultValue is null ? (p.ParameterType.IsValueType ? "default" : "null") : p.DefaultValue is string s ? "\"" + s + "\"" : p.DefaultValue.ToString()) : string.Empty)));

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        name = name.Substring(0, name.IndexOf('`', StringComparison.Ordinal));
        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
