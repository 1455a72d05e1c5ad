//! Spotter's printed documents: the workout plan a trainer hands to a client and the
//! progress report. Rendering takes plain data ([`plan_pdf::PlanDoc`], [`report_pdf::ReportDoc`]);
//! [`documents`] gathers that data from the database for the app and the command line.

pub mod canvas;
pub mod documents;
pub mod plan_pdf;
pub mod report_pdf;

/// The studio's name and logo printed on every document.
#[derive(Debug, Clone, Default)]
pub struct Branding {
    pub studio_name: String,
    /// PNG or JPEG bytes, checked when saved in Settings.
    pub logo: Option<Vec<u8>>,
}

impl Branding {
    pub fn studio_name_or_default(&self) -> String {
        if self.studio_name.trim().is_empty() {
            "Spotter".to_owned()
        } else {
            self.studio_name.trim().to_owned()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadUnit {
    Kg,
    Lb,
}
