//! What a plan may hold: absurd prescriptions refused at their field, days and groups that
//! make sense.

use crate::{one_week, rx};
use spotter_core::training::plan::{
    self, GroupKind, Load, LoadKind, PlanBody, PlanWeek, Prescription,
};
use spotter_store::ErrorCode;

#[test]
fn prescriptions_refuse_absurd_values_at_their_field() {
    let ok = rx("e", 3, (8, 12), Some(60.0));
    plan::validate_prescription(&ok).unwrap();
    let cases: Vec<(Prescription, &str)> = vec![
        (
            Prescription {
                sets: 0,
                ..ok.clone()
            },
            "sets",
        ),
        (
            Prescription {
                sets: 500,
                ..ok.clone()
            },
            "sets",
        ),
        (
            Prescription {
                reps_min: 0,
                ..ok.clone()
            },
            "repsMin",
        ),
        (
            Prescription {
                reps_min: 12,
                reps_max: 8,
                ..ok.clone()
            },
            "repsMax",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(-5.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(5000.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Kg,
                    value: Some(f64::NAN),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Rpe,
                    value: Some(11.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::Rpe,
                    value: Some(0.5),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                load: Load {
                    kind: LoadKind::PercentOneRm,
                    value: Some(250.0),
                },
                ..ok.clone()
            },
            "load",
        ),
        (
            Prescription {
                rest_seconds: Some(99_999),
                ..ok.clone()
            },
            "restSeconds",
        ),
        (
            Prescription {
                tempo: "slowly and carefully".into(),
                ..ok.clone()
            },
            "tempo",
        ),
    ];
    for (p, field) in cases {
        let e = plan::validate_prescription(&p).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation);
        assert_eq!(e.field.as_deref(), Some(field), "{p:?}");
    }
    assert_eq!(plan::describe(&ok), "3 × 8–12 @ 60 kg");
    assert_eq!(
        plan::describe(&Prescription {
            load: Load {
                kind: LoadKind::Rpe,
                value: Some(8.5)
            },
            reps_max: 8,
            ..ok
        }),
        "3 × 8 @ RPE 8.5"
    );
}

#[test]
fn plans_need_days_and_coherent_groups() {
    let empty = PlanBody::default();
    assert_eq!(
        plan::validate(&empty).unwrap_err().field.as_deref(),
        Some("weeks")
    );
    let no_days = PlanBody {
        weeks: vec![PlanWeek {
            deload: false,
            days: vec![],
        }],
        ..Default::default()
    };
    let e = plan::validate(&no_days).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("days"));
    assert!(e.message.contains("Week 1"));

    let mut a1 = rx("a", 3, (10, 10), None);
    a1.group = Some("A".into());
    a1.group_kind = Some(GroupKind::Superset);
    let plain = rx("b", 3, (10, 10), None);
    let split = one_week(vec![("Day", 0, vec![a1.clone(), plain, a1.clone()])]);
    let e = plan::validate(&split).unwrap_err();
    assert_eq!(e.field.as_deref(), Some("group"));
    assert!(e.message.contains("next to each other"), "{}", e.message);
    let same_day = one_week(vec![("A", 0, vec![]), ("B", 0, vec![])]);
    assert_eq!(
        plan::validate(&same_day).unwrap_err().field.as_deref(),
        Some("dayOffset")
    );
    let bad_row = one_week(vec![(
        "A",
        0,
        vec![rx("a", 3, (5, 5), None), rx("b", 3, (5, 5), Some(-1.0))],
    )]);
    let e = plan::validate(&bad_row).unwrap_err();
    assert!(
        e.message.starts_with("week 1, day 1, row 2"),
        "{}",
        e.message
    );
}
