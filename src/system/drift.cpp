#include "system/drift.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <set>

#include "engine/asyncapi.hpp"
#include "system/model.hpp"

namespace asynclint::system {
namespace {

constexpr int maxDepth = 32;  // schemas may be recursive

bool accepts(const std::vector<std::string>& consumer, const std::string& type) {
  const auto has = [&](std::string_view t) {
    return std::find(consumer.begin(), consumer.end(), t) != consumer.end();
  };
  return has(type) || (type == "integer" && has("number"));
}

std::string listText(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, " or "));
}

class Comparison {
 public:
  Comparison(const nlohmann::json& producerTree, const nlohmann::json& consumerTree)
      : producerTree_(producerTree), consumerTree_(consumerTree) {}

  void compare(const nlohmann::json* producerNode, const nlohmann::json* consumerNode,
               const std::string& path, int depth) {
    const nlohmann::json* producer = followRefs(producerTree_, producerNode);
    const nlohmann::json* consumer = followRefs(consumerTree_, consumerNode);
    if (depth > maxDepth || producer == nullptr || consumer == nullptr || !producer->is_object() ||
        !consumer->is_object())
      return;
    compareTypes(*producer, *consumer, path);
    compareFormat(*producer, *consumer, path);
    compareEnum(*producer, *consumer, path);
    compareConstraints(*producer, *consumer, path);
    compareProperties(*producer, *consumer, path, depth);
    const auto producerItems = producer->find("items");
    const auto consumerItems = consumer->find("items");
    if (producerItems != producer->end() && consumerItems != consumer->end())
      compare(&*producerItems, &*consumerItems, path + "[]", depth + 1);
  }

  std::vector<std::string> problems;

 private:
  void compareTypes(const nlohmann::json& producer, const nlohmann::json& consumer,
                    const std::string& path) {
    const auto consumerTypes = engine::asyncapi::declaredTypes(consumer);
    const auto producerTypes = engine::asyncapi::declaredTypes(producer);
    if (consumerTypes.empty() || producerTypes.empty()) return;
    for (const auto& type : producerTypes) {
      if (!accepts(consumerTypes, type)) {
        problems.push_back(fmt::format("{} is {} for the producer but {} for the consumer", path,
                                       listText(producerTypes), listText(consumerTypes)));
        return;
      }
    }
  }

  void compareFormat(const nlohmann::json& producer, const nlohmann::json& consumer,
                     const std::string& path) {
    const auto format = consumer.find("format");
    if (format == consumer.end()) return;
    const auto producerFormat = producer.find("format");
    if (producerFormat == producer.end())
      problems.push_back(
          fmt::format("the consumer expects {} in format {}; the producer does not "
                      "guarantee it",
                      path, format->dump()));
    else if (*producerFormat != *format)
      problems.push_back(fmt::format("{} has format {} for the producer but {} for the consumer",
                                     path, producerFormat->dump(), format->dump()));
  }

  void compareEnum(const nlohmann::json& producer, const nlohmann::json& consumer,
                   const std::string& path) {
    const auto allowed = consumer.find("enum");
    if (allowed == consumer.end() || !allowed->is_array()) return;
    nlohmann::json sent = nlohmann::json::array();
    if (const auto values = producer.find("enum"); values != producer.end() && values->is_array())
      sent = *values;
    else if (const auto constant = producer.find("const"); constant != producer.end())
      sent.push_back(*constant);
    else {
      problems.push_back(
          fmt::format("the consumer accepts only {} at {}; the producer allows any value",
                      allowed->dump(), path));
      return;
    }
    nlohmann::json beyond = nlohmann::json::array();
    for (const auto& value : sent) {
      if (std::find(allowed->begin(), allowed->end(), value) == allowed->end())
        beyond.push_back(value);
    }
    if (!beyond.empty())
      problems.push_back(
          fmt::format("the producer may send {} at {}, which the consumer's enum {} "
                      "does not allow",
                      beyond.dump(), path, allowed->dump()));
  }

  void compareConstraints(const nlohmann::json& producer, const nlohmann::json& consumer,
                          const std::string& path) {
    // Lower bounds the producer must meet or exceed, upper bounds it must meet or stay below.
    static constexpr std::array<const char*, 5> lower{"minimum", "exclusiveMinimum", "minLength",
                                                      "minItems", "minProperties"};
    static constexpr std::array<const char*, 5> upper{"maximum", "exclusiveMaximum", "maxLength",
                                                      "maxItems", "maxProperties"};
    for (const auto* keyword : lower)
      compareBound(producer, consumer, path, keyword, [](double p, double c) { return p >= c; });
    for (const auto* keyword : upper)
      compareBound(producer, consumer, path, keyword, [](double p, double c) { return p <= c; });
    for (const auto* keyword : {"pattern", "multipleOf"}) {
      const auto wanted = consumer.find(keyword);
      if (wanted == consumer.end()) continue;
      const auto given = producer.find(keyword);
      if (given == producer.end() || *given != *wanted)
        problems.push_back(
            fmt::format("the consumer adds {} {} at {}; the producer does not "
                        "guarantee it",
                        keyword, wanted->dump(), path));
    }
  }

  template <typename Within>
  void compareBound(const nlohmann::json& producer, const nlohmann::json& consumer,
                    const std::string& path, const char* keyword, Within within) {
    const auto wanted = consumer.find(keyword);
    if (wanted == consumer.end() || !wanted->is_number()) return;
    const auto given = producer.find(keyword);
    if (given != producer.end() && given->is_number() &&
        within(given->get<double>(), wanted->get<double>()))
      return;
    problems.push_back(
        fmt::format("the consumer adds {} {} at {}; the producer does not "
                    "guarantee it",
                    keyword, wanted->dump(), path));
  }

  static std::set<std::string> requiredOf(const nlohmann::json& schema) {
    std::set<std::string> names;
    const auto required = schema.find("required");
    if (required == schema.end() || !required->is_array()) return names;
    for (const auto& name : *required) {
      if (name.is_string()) names.insert(name.get<std::string>());
    }
    return names;
  }

  void compareProperties(const nlohmann::json& producer, const nlohmann::json& consumer,
                         const std::string& path, int depth) {
    const std::set<std::string> guaranteed = requiredOf(producer);
    for (const auto& name : requiredOf(consumer)) {
      if (!guaranteed.contains(name))
        problems.push_back(fmt::format(
            "the consumer requires property '{}' in {}, which the producer does not guarantee",
            name, path));
    }
    const auto consumerProperties = consumer.find("properties");
    const auto producerProperties = producer.find("properties");
    if (producerProperties == producer.end() || !producerProperties->is_object()) return;
    const bool closed =
        consumer.contains("additionalProperties") && consumer["additionalProperties"] == false;
    const bool consumerHasProperties =
        consumerProperties != consumer.end() && consumerProperties->is_object();
    for (const auto& [name, schema] : producerProperties->items()) {
      const auto known = consumerHasProperties ? consumerProperties->find(name) : consumer.end();
      if (consumerHasProperties && known != consumerProperties->end()) {
        compare(&schema, &*known, path + "." + name, depth + 1);
      } else if (closed) {
        problems.push_back(
            fmt::format("the producer may send property '{}' in {}, which the "
                        "consumer forbids (additionalProperties: false)",
                        name, path));
      }
    }
  }

  const nlohmann::json& producerTree_;
  const nlohmann::json& consumerTree_;
};

bool isAnnotation(const std::string& key) {
  return key == "description" || key == "title" || key == "examples" || key == "example" ||
         key == "$comment" || key.starts_with("x-");
}

// Members of these keywords are names, not keywords: a property called "description" stays.
bool holdsNames(const std::string& key) {
  return key == "properties" || key == "patternProperties" || key == "$defs" ||
         key == "definitions" || key == "dependentSchemas";
}

nlohmann::json canonical(const nlohmann::json& tree, const nlohmann::json* node, int depth,
                         bool names = false) {
  node = followRefs(tree, node);
  if (node == nullptr || depth > maxDepth) return nullptr;
  if (node->is_array()) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : *node)
      items.push_back(canonical(tree, &item, depth + 1));
    return items;
  }
  if (!node->is_object()) return *node;
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : node->items()) {
    if (names || !isAnnotation(key))
      object[key] = canonical(tree, &value, depth + 1, !names && holdsNames(key));
  }
  return object;
}

}  // namespace

std::vector<std::string> schemaDrift(const SchemaIn& producer, const SchemaIn& consumer,
                                     const std::string& path) {
  Comparison comparison(producer.tree, consumer.tree);
  comparison.compare(producer.schema, consumer.schema, path, 0);
  return std::move(comparison.problems);
}

nlohmann::json canonicalSchema(const SchemaIn& schema) {
  return canonical(schema.tree, schema.schema, 0);
}

}  // namespace asynclint::system
