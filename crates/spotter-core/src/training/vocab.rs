//! The fixed words the exercise library is filtered by. Imports map their own names onto
//! these, so a filter by "hamstrings" finds shipped, custom and imported exercises alike.

pub const MUSCLES: [&str; 19] = [
    "chest",
    "shoulders",
    "triceps",
    "biceps",
    "forearms",
    "lats",
    "upper_back",
    "traps",
    "lower_back",
    "abs",
    "obliques",
    "glutes",
    "quadriceps",
    "hamstrings",
    "adductors",
    "abductors",
    "calves",
    "hip_flexors",
    "neck",
];

pub const EQUIPMENT: [&str; 22] = [
    "barbell",
    "dumbbell",
    "kettlebell",
    "cable",
    "machine",
    "bodyweight",
    "band",
    "bench",
    "rack",
    "pull_up_bar",
    "medicine_ball",
    "smith_machine",
    "trap_bar",
    "ez_bar",
    "suspension",
    "sled",
    "box",
    "landmine",
    "cardio_machine",
    "foam_roller",
    "stability_ball",
    "plate",
];

pub const PATTERNS: [&str; 15] = [
    "squat",
    "hinge",
    "lunge",
    "horizontal_push",
    "vertical_push",
    "horizontal_pull",
    "vertical_pull",
    "carry",
    "anti_extension",
    "anti_rotation",
    "rotation",
    "isolation",
    "conditioning",
    "mobility",
    "plyometric",
];

pub const DIFFICULTIES: [&str; 3] = ["beginner", "intermediate", "advanced"];

pub fn is_muscle(s: &str) -> bool {
    MUSCLES.contains(&s)
}
pub fn is_equipment(s: &str) -> bool {
    EQUIPMENT.contains(&s)
}
pub fn is_pattern(s: &str) -> bool {
    PATTERNS.contains(&s)
}
pub fn is_difficulty(s: &str) -> bool {
    DIFFICULTIES.contains(&s)
}

/// The key duplicate detection compares: case, surrounding and repeated spaces, and
/// hyphens versus spaces do not make two exercises different.
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
